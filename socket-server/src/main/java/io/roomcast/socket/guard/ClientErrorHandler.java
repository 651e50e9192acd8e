package io.roomcast.socket.guard;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of every connection: an exception no handler before it dealt with (a bad query
 * parameter, a corrupt websocket frame) is a client's protocol error. It is logged as one WARN line
 * through {@link ProtocolErrorLog}, not as Netty's stack trace, and the connection is closed.
 */
@Sharable
public final class ClientErrorHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(ClientErrorHandler.class);

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    report(ctx, cause);
    ctx.close();
  }

  /** Logs a connection's failure: a reset is routine (DEBUG), anything else a protocol error. */
  public static void report(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof IOException) {
      LOG.debug("connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    } else {
      ProtocolErrorLog.shared()
          .warn(ctx.channel().remoteAddress(), "protocol error: " + ProtocolErrorLog.kindOf(cause));
      LOG.debug("protocol error of {}", ctx.channel().remoteAddress(), cause);
    }
  }
}
