package io.roomcast.common.auth;

/**
 * A token that grants nothing. {@link #reason()} is safe to send to the client (it says what kind
 * of problem, never which check or key failed); {@link #getMessage()} holds the detail for logs.
 */
public final class TokenRefusedException extends Exception {
  private static final long serialVersionUID = 1L;

  /** No token was presented. */
  public static final String NO_TOKEN = "no token";

  /** Malformed, wrongly signed, wrong issuer/audience, not yet valid, bad claims. */
  public static final String INVALID_TOKEN = "invalid token";

  /** Correctly signed but past its expiry: the client may fetch a new one. */
  public static final String EXPIRED_TOKEN = "expired token";

  private final String reason;

  public TokenRefusedException(String reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
