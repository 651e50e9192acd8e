package io.roomcast.socket.http;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;

/**
 * Slims the pipeline of a connection that became a websocket. Once its handshake's 101 answer is
 * written, the connection carries websocket frames until it closes: Netty's handshaker has already
 * swapped the HTTP codec for the frame codec, but the handlers that act on HTTP requests and
 * responses alone (the origin and session guards, the cookie remover, netty-socketio's handshake
 * authorizer, polling transport and wrong-URL answer, and this one) would stay, each a handler
 * context per connection and a step on every frame. This removes them. What frames still pass
 * through is untouched: the frame-size limit (in the frame decoder), the packet guards, the
 * writability guard and netty-socketio's websocket transport.
 */
@Sharable
final class WebsocketPipeline extends ChannelOutboundHandlerAdapter {
  static final String NAME = "websocketPipeline";

  /** The handlers that only HTTP requests and responses reach. */
  static final List<String> HTTP_ONLY =
      List.of(
          GuardedChannelInitializer.ORIGIN_GUARD,
          GuardedChannelInitializer.SESSION_GUARD,
          GuardedChannelInitializer.NO_SESSION_COOKIE,
          SocketIOChannelInitializer.AUTHORIZE_HANDLER,
          SocketIOChannelInitializer.XHR_POLLING_TRANSPORT,
          SocketIOChannelInitializer.WRONG_URL_HANDLER,
          NAME);

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof HttpResponse response
        && HttpResponseStatus.SWITCHING_PROTOCOLS.equals(response.status())) {
      ChannelPromise written = promise.unvoid();
      written.addListener(
          (ChannelFuture future) -> {
            if (future.isSuccess()) {
              removeHttpOnly(future.channel().pipeline());
            }
          });
      ctx.write(msg, written);
      return;
    }
    ctx.write(msg, promise);
  }

  /** Runs on the channel's event loop, where the pipeline's next read will also run. */
  private static void removeHttpOnly(ChannelPipeline pipeline) {
    for (String name : HTTP_ONLY) {
      if (pipeline.context(name) != null) {
        pipeline.remove(name);
      }
    }
  }
}
