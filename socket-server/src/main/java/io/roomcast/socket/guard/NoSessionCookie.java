package io.roomcast.socket.guard;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;

/**
 * netty-socketio puts the sid in an {@code io} cookie on every polling response. The server never
 * reads it back (the guard issues every sid, see SessionIdHeader), and a cookie spreads the sid to
 * every request the browser makes to the host and to whatever logs them, so it is removed.
 */
@Sharable
public final class NoSessionCookie extends ChannelOutboundHandlerAdapter {
  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof HttpResponse response) {
      response.headers().remove(HttpHeaderNames.SET_COOKIE);
    }
    ctx.write(msg, promise);
  }
}
