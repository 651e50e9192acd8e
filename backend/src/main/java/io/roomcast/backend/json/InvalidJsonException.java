package io.roomcast.backend.json;

/**
 * A request body that cannot be stored as it is; the message says why and where, for the client.
 */
public final class InvalidJsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidJsonException(String message) {
    super(message, null, false, false);
  }
}
