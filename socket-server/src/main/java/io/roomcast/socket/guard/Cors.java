package io.roomcast.socket.guard;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * CORS answers given by the guard itself. Requests reach it only after the OriginGuard has refused
 * every origin not allowed, so the request's Origin, when present, is echoed.
 */
final class Cors {
  private static final int MAX_ALLOW_HEADERS_CHARS = 200;

  private Cors() {}

  static void allowOrigin(HttpRequest request, HttpResponse response) {
    String origin = request.headers().get(HttpHeaderNames.ORIGIN);
    if (origin != null) {
      response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
      response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, true);
    }
  }

  /**
   * The answer to a preflight: 204 with the methods engine.io uses, and no session (netty-socketio
   * would create one per preflight, never to be freed).
   */
  static FullHttpResponse preflight(HttpRequest request) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT, Unpooled.EMPTY_BUFFER);
    allowOrigin(request, response);
    response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST");
    String asked = request.headers().get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
    response
        .headers()
        .set(
            HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS,
            asked == null || asked.length() > MAX_ALLOW_HEADERS_CHARS
                ? HttpHeaderNames.CONTENT_TYPE
                : asked);
    return response;
  }
}
