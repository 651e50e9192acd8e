package io.roomcast.socket.auth;

import com.corundumstudio.socketio.messages.PacketsMessage;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;

/**
 * Closes netty-socketio's trap: it calls the namespace's auth listeners only when a v4 CONNECT
 * packet carries an auth payload, so a client sending a bare {@code 40} would be connected
 * unchecked. This handler, placed before netty-socketio's packet handler, gives every bare
 * default-namespace CONNECT an empty payload ({@code 40{}}), so that {@link HandshakeGuard} sees
 * every v4 connection. Packets in one payload are separated by {@code \u001e}.
 */
@Sharable
public final class ConnectAuthRequired extends ChannelInboundHandlerAdapter {
  public static final String NAME = "connectAuthRequired";

  private static final String BARE_CONNECT = "40";
  private static final String SEPARATOR = "\u001e";

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (msg instanceof PacketsMessage packets
        && packets.getClient().getEngineIOVersion() == EngineIOVersion.V4
        && mayHoldConnect(packets.getContent())) {
      String text = packets.getContent().toString(StandardCharsets.UTF_8);
      String[] parts = text.split(SEPARATOR, -1);
      boolean bare = false;
      for (int i = 0; i < parts.length; i++) {
        if (parts[i].equals(BARE_CONNECT)) {
          parts[i] = BARE_CONNECT + "{}";
          bare = true;
        }
      }
      if (bare) {
        // The transport releases the original content after this call returns.
        ByteBuf rewritten =
            Unpooled.copiedBuffer(String.join(SEPARATOR, parts), StandardCharsets.UTF_8);
        try {
          ctx.fireChannelRead(
              new PacketsMessage(packets.getClient(), rewritten, packets.getTransport()));
        } finally {
          rewritten.release();
        }
        return;
      }
    }
    ctx.fireChannelRead(msg);
  }

  /** Cheap pre-check: a payload that starts with a CONNECT or holds several packets. */
  private static boolean mayHoldConnect(ByteBuf content) {
    int start = content.readerIndex();
    return (content.readableBytes() >= 2
            && content.getByte(start) == '4'
            && content.getByte(start + 1) == '0')
        || content.indexOf(start, content.writerIndex(), (byte) 0x1e) >= 0;
  }
}
