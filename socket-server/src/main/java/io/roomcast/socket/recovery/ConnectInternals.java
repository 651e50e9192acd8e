package io.roomcast.socket.recovery;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.messages.PacketsMessage;
import com.corundumstudio.socketio.protocol.ConnPacket;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandler;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The two places where recovery reaches into netty-socketio 2.0.14 (pinned by {@code
 * ConnectInternalsTest}). (1) Its v4 CONNECT reply is a {@link ConnPacket} holding only the sid,
 * serialized with the server's Jackson mapper: a serializer registered here writes {@code {"sid",
 * "pid"}} with the pid recorded for that sid just before (the reply is built right after the auth
 * listeners ran). (2) A CONNECT held while its session is looked up is handed to the packet handler
 * itself later: the channel it came on may be closed by then (every polling POST is answered and
 * closed before its packets are handled), and that handler does not use the channel.
 */
public final class ConnectInternals {
  /** Pids to put in CONNECT replies not yet encoded, by sid (at most one per session). */
  private final Map<UUID, String> replyPids = new ConcurrentHashMap<>();

  /** The Jackson module to give netty-socketio's {@code JacksonJsonSupport}. */
  public SimpleModule module() {
    SimpleModule module = new SimpleModule("roomcast-connect-reply");
    module.addSerializer(ConnPacket.class, new ReplySerializer());
    return module;
  }

  /** The CONNECT reply to session {@code sid} will carry {@code pid}. */
  void replyWith(UUID sid, String pid) {
    replyPids.put(sid, pid);
  }

  /** The session ended (its reply may never be encoded). */
  void forget(UUID sid) {
    replyPids.remove(sid);
  }

  /** The packet handler of a pipeline, taken while the pipeline is intact. */
  static ChannelInboundHandler packetHandler(ChannelHandlerContext ctx) {
    return (ChannelInboundHandler) ctx.pipeline().get(SocketIOChannelInitializer.PACKET_HANDLER);
  }

  /** Hands a copy of held packets to the packet handler (call on {@code ctx}'s event loop). */
  static void handOn(ChannelInboundHandler handler, ChannelHandlerContext ctx, PacketsMessage held)
      throws Exception {
    try {
      handler.channelRead(ctx, held);
    } finally {
      held.getContent().release();
    }
  }

  /** A copy that outlives the transport's release of the original content. */
  static PacketsMessage copy(PacketsMessage packets) {
    ByteBuf content = Unpooled.copiedBuffer(packets.getContent());
    return new PacketsMessage(packets.getClient(), content, packets.getTransport());
  }

  private final class ReplySerializer extends StdSerializer<ConnPacket> {
    ReplySerializer() {
      super(ConnPacket.class);
    }

    @Override
    public void serialize(ConnPacket packet, JsonGenerator json, SerializerProvider provider)
        throws IOException {
      json.writeStartObject();
      json.writeStringField("sid", packet.getSid().toString());
      String pid = replyPids.remove(packet.getSid());
      if (pid != null) {
        json.writeStringField("pid", pid);
      }
      json.writeEndObject();
    }
  }
}
