package io.roomcast.socket.guard;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP errors the reference engine.io server answers, with its codes and messages, plus the 503
 * of a full server. Each is a complete response with {@code Connection: close}.
 */
public enum EngineIoError {
  UNKNOWN_TRANSPORT(HttpResponseStatus.BAD_REQUEST, 0, "Transport unknown"),
  UNKNOWN_SID(HttpResponseStatus.BAD_REQUEST, 1, "Session ID unknown"),
  BAD_HANDSHAKE_METHOD(HttpResponseStatus.BAD_REQUEST, 2, "Bad handshake method"),
  BAD_REQUEST(HttpResponseStatus.BAD_REQUEST, 3, "Bad request"),
  UNSUPPORTED_PROTOCOL_VERSION(HttpResponseStatus.BAD_REQUEST, 5, "Unsupported protocol version"),
  /** Not an engine.io code: the server holds MAX_CLIENTS sessions. */
  SERVER_FULL(HttpResponseStatus.SERVICE_UNAVAILABLE, -1, "Server full, retry later");

  /** Seconds a client is asked to wait before retrying after {@link #SERVER_FULL}. */
  static final int RETRY_AFTER_SECONDS = 5;

  private final HttpResponseStatus status;
  private final byte[] body;

  EngineIoError(HttpResponseStatus status, int code, String message) {
    this.status = status;
    String json =
        code >= 0
            ? "{\"code\":" + code + ",\"message\":\"" + message + "\"}"
            : "{\"message\":\"" + message + "\"}";
    this.body = json.getBytes(StandardCharsets.US_ASCII);
  }

  public HttpResponseStatus status() {
    return status;
  }

  /**
   * The response to {@code request}; an allowed browser origin is echoed so the page can read it.
   */
  FullHttpResponse response(HttpRequest request) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
    response.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    Cors.allowOrigin(request, response);
    if (this == SERVER_FULL) {
      response.headers().set(HttpHeaderNames.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
    return response;
  }
}
