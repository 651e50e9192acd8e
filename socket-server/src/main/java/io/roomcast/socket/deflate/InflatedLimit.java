package io.roomcast.socket.deflate;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.compression.DecompressionException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.roomcast.socket.guard.ProtocolErrorLog;
import java.util.zip.DataFormatException;

/**
 * MAX_FRAME applied to what a deflate client's messages inflate to, right after Netty's inflater:
 * on the wire MAX_FRAME bounds the compressed bytes only, and a 60 KB frame can inflate to 60 MB.
 * Netty's inflater stops one frame at MAX_FRAME (its maxAllocation) and fails; this counts the
 * inflated bytes of each message across its fragments. Past the limit, or on data that does not
 * inflate, the message never reaches netty-socketio: the client gets a close frame (1009 message
 * too big, 1007 invalid data), one WARN line is logged and the connection is closed.
 */
final class InflatedLimit extends ChannelInboundHandlerAdapter {
  static final String NAME = "inflatedLimit";

  private final int maxMessage;
  private long messageBytes;
  private boolean refused;

  InflatedLimit(int maxMessage) {
    this.maxMessage = maxMessage;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof WebSocketFrame frame) || isControl(frame)) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (refused) {
      ReferenceCountUtil.release(msg);
      return;
    }
    long before = frame instanceof ContinuationWebSocketFrame ? messageBytes : 0;
    messageBytes = before + frame.content().readableBytes();
    if (messageBytes > maxMessage) {
      ReferenceCountUtil.release(msg);
      refuse(ctx, WebSocketCloseStatus.MESSAGE_TOO_BIG, "inflates past MAX_FRAME");
      return;
    }
    if (frame.isFinalFragment()) {
      messageBytes = 0;
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (!(cause instanceof DecompressionException)) {
      ctx.fireExceptionCaught(cause);
    } else if (cause.getCause() instanceof DataFormatException) {
      refuse(ctx, WebSocketCloseStatus.INVALID_PAYLOAD_DATA, "compressed data does not inflate");
    } else {
      // Netty's inflater reached its maxAllocation (MAX_FRAME) within one frame.
      refuse(ctx, WebSocketCloseStatus.MESSAGE_TOO_BIG, "inflates past MAX_FRAME");
    }
  }

  private void refuse(ChannelHandlerContext ctx, WebSocketCloseStatus status, String why) {
    if (refused) {
      return;
    }
    refused = true;
    ProtocolErrorLog.shared().warn(ctx.channel().remoteAddress(), "websocket message " + why);
    // It holds the refused message's first fragments, and would report them unfinished at close.
    if (ctx.pipeline().get(SocketIOChannelInitializer.WEB_SOCKET_AGGREGATOR) != null) {
      ctx.pipeline().remove(SocketIOChannelInitializer.WEB_SOCKET_AGGREGATOR);
    }
    ctx.writeAndFlush(new CloseWebSocketFrame(status, why))
        .addListener(ChannelFutureListener.CLOSE);
  }

  private static boolean isControl(WebSocketFrame frame) {
    return frame instanceof PingWebSocketFrame
        || frame instanceof PongWebSocketFrame
        || frame instanceof CloseWebSocketFrame;
  }
}
