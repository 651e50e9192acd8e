package io.roomcast.socket.guard;

import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.messages.PacketsMessage;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.UUID;

/**
 * Socket.IO v4 clients must CONNECT to the namespace before anything they send is acted on, as the
 * reference server has it. netty-socketio binds a v4 session to the default namespace as soon as
 * its transport opens, so this filter, in front of its packet handler, drops every Socket.IO packet
 * a v4 session sends before its CONNECT (Engine.IO pings, pongs and upgrades pass) and records the
 * CONNECT in {@link Sessions}. After the CONNECT everything passes untouched, and a websocket
 * connection, which carries one session only, drops the filter from its pipeline.
 */
@Sharable
public final class PreConnectFilter extends ChannelInboundHandlerAdapter {
  /** Engine.IO v4 polling payloads separate packets with this record separator. */
  private static final byte SEPARATOR = 0x1e;

  private final Sessions sessions;

  public PreConnectFilter(Sessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof PacketsMessage packets) {
      if (awaitsConnect(packets.getClient())) {
        ByteBuf kept = keptBeforeConnect(packets.getClient().getSessionId(), packets.getContent());
        try {
          if (kept.isReadable()) {
            // Handled synchronously by the packet handler, as the transports' own messages are.
            ctx.fireChannelRead(
                new PacketsMessage(packets.getClient(), kept, packets.getTransport()));
          }
        } finally {
          kept.release(); // the original content is released by the transport that fired it
        }
        return;
      }
      if (packets.getTransport() == Transport.WEBSOCKET) {
        // A websocket connection serves one session, connected for good: nothing left to filter.
        ctx.pipeline().remove(this);
      }
    }
    ctx.fireChannelRead(msg);
  }

  private boolean awaitsConnect(ClientHead client) {
    return EngineIOVersion.V4.equals(client.getEngineIOVersion())
        && !sessions.isConnected(client.getSessionId());
  }

  /**
   * The payload's packets that may be acted on: Engine.IO control packets, the CONNECT and after.
   */
  private ByteBuf keptBeforeConnect(UUID sid, ByteBuf content) {
    ByteBuf kept = Unpooled.buffer(content.readableBytes());
    int start = content.readerIndex();
    int end = content.writerIndex();
    while (start <= end) {
      int separator = content.indexOf(start, end, SEPARATOR);
      int packetEnd = separator < 0 ? end : separator;
      PacketKind kind = PacketKind.of(content, start, packetEnd);
      if (kind == PacketKind.CONNECT) {
        sessions.connected(sid);
        append(kept, content, start, end); // the CONNECT and all after it
        break;
      }
      if (kind == PacketKind.ENGINE_CONTROL) {
        append(kept, content, start, packetEnd);
      }
      start = packetEnd + 1;
    }
    return kept;
  }

  private static void append(ByteBuf kept, ByteBuf content, int from, int to) {
    if (to <= from) {
      return;
    }
    if (kept.isReadable()) {
      kept.writeByte(SEPARATOR);
    }
    kept.writeBytes(content, from, to - from);
  }
}
