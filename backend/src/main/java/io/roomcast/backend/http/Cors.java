package io.roomcast.backend.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import io.roomcast.common.origin.AllowedOrigins;

/**
 * CORS for pages served from other origins (CORS_ORIGINS), matched in the same normal form as the
 * socket server's Origin check ({@link AllowedOrigins}). No credentials are ever allowed, so {@code
 * *} is safe when configured. Every body the backend accepts is {@code application/json}, which
 * browsers only send cross-origin after a preflight: refusing the preflight of an unknown origin
 * (403) means such a page cannot write at all.
 */
public final class Cors {
  static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE";
  static final String ALLOWED_HEADERS = "Content-Type, Authorization";
  static final String MAX_AGE_SECONDS = "600";

  private final AllowedOrigins origins;

  public Cors(AllowedOrigins origins) {
    this.origins = origins;
  }

  /** Runs before every handler: adds the headers, or answers a preflight by itself. */
  public void apply(Context ctx) {
    String origin = ctx.header(Header.ORIGIN);
    if (origin == null) {
      return;
    }
    boolean preflight =
        ctx.method() == HandlerType.OPTIONS
            && ctx.header(Header.ACCESS_CONTROL_REQUEST_METHOD) != null;
    if (!origins.allows(origin)) {
      if (preflight) {
        JsonReplies.error(
            ctx, HttpStatus.FORBIDDEN, "origin " + origin + " is not in CORS_ORIGINS");
        ctx.skipRemainingHandlers();
      }
      // A same-origin or simple request goes on; the browser hides the response from other origins.
      return;
    }
    ctx.header(Header.ACCESS_CONTROL_ALLOW_ORIGIN, origins.allowsAny() ? "*" : origin);
    ctx.header(Header.VARY, Header.ORIGIN);
    if (preflight) {
      ctx.header(Header.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS);
      ctx.header(Header.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
      ctx.header(Header.ACCESS_CONTROL_MAX_AGE, MAX_AGE_SECONDS);
      ctx.status(HttpStatus.NO_CONTENT);
      ctx.skipRemainingHandlers();
    }
  }
}
