package io.roomcast.backend.http;

import io.javalin.http.HttpStatus;

/**
 * A request the backend refuses, with the status and the one-line reason the client gets as {@code
 * {"error": "..."}}. Thrown before anything is written, so a refused request changes nothing.
 */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final HttpStatus status;

  public ApiError(HttpStatus status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public static ApiError badRequest(String message) {
    return new ApiError(HttpStatus.BAD_REQUEST, message);
  }

  public static ApiError notFound(String message) {
    return new ApiError(HttpStatus.NOT_FOUND, message);
  }

  public HttpStatus status() {
    return status;
  }
}
