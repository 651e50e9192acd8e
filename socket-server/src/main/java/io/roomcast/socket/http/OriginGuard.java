package io.roomcast.socket.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import io.roomcast.common.origin.AllowedOrigins;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses, with 403, every HTTP request (polling handshake, poll, post, preflight or websocket
 * upgrade) whose Origin header is not allowed. netty-socketio itself checks no Origin and echoes
 * any Origin back with credentials, so this guard sits in front of all its handlers; a request
 * without Origin (a non-browser client) passes. netty-socketio's AuthorizationListener is not used
 * for this because in 2.0.x it is skipped for v4 clients that send no auth payload.
 */
@Sharable
public final class OriginGuard extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(OriginGuard.class);
  private static final byte[] BODY = "origin not allowed\n".getBytes(StandardCharsets.US_ASCII);

  private static final int MAX_LOGGED_ORIGINS = 100;

  private final AllowedOrigins allowed;
  private final Set<String> loggedOrigins = ConcurrentHashMap.newKeySet();

  public OriginGuard(AllowedOrigins allowed) {
    this.allowed = allowed;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest request) {
      String origin = request.headers().get(HttpHeaderNames.ORIGIN);
      if (origin != null && !allowed.allows(origin)) {
        ReferenceCountUtil.release(msg);
        logRefusal(origin);
        ctx.writeAndFlush(forbidden()).addListener(ChannelFutureListener.CLOSE);
        return;
      }
    }
    ctx.fireChannelRead(msg);
  }

  /**
   * The first refusal of each origin is logged at INFO (a misconfiguration shows), later ones at
   * DEBUG.
   */
  private void logRefusal(String origin) {
    String shown = printable(origin);
    if (loggedOrigins.size() < MAX_LOGGED_ORIGINS && loggedOrigins.add(shown)) {
      LOG.info("refused requests from origin {}: not in ALLOWED_ORIGINS", shown);
    } else {
      LOG.debug("refused a request from origin {}", shown);
    }
  }

  private static FullHttpResponse forbidden() {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.FORBIDDEN, Unpooled.wrappedBuffer(BODY));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=us-ascii");
    response.headers().set(HttpHeaderNames.CONTENT_LENGTH, BODY.length);
    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    return response;
  }

  /** The origin for a log line: bounded and without control characters. */
  private static String printable(String origin) {
    String shortened = origin.length() > 100 ? origin.substring(0, 100) + "…" : origin;
    return shortened.replaceAll("\\p{Cntrl}", "?");
  }
}
