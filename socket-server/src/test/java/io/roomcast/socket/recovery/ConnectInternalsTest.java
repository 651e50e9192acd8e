package io.roomcast.socket.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.handler.InPacketHandler;
import com.corundumstudio.socketio.protocol.ConnPacket;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.JacksonJsonSupport;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketEncoder;
import com.corundumstudio.socketio.protocol.PacketType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Pins what {@link ConnectInternals} relies on in netty-socketio 2.0.14: the v4 CONNECT reply is a
 * {@link ConnPacket} encoded by the configured Jackson support (so the registered serializer adds
 * the pid), and the packet handler is one shared instance under its known pipeline name.
 */
class ConnectInternalsTest {
  private final ConnectInternals internals = new ConnectInternals();
  private final PacketEncoder encoder =
      new PacketEncoder(new Configuration(), new JacksonJsonSupport(internals.module()));

  private String connectReply(UUID sid) throws Exception {
    Packet reply = new Packet(PacketType.MESSAGE, EngineIOVersion.V4);
    reply.setSubType(PacketType.CONNECT);
    reply.setNsp("");
    reply.setData(new ConnPacket(sid));
    ByteBuf out = Unpooled.buffer();
    encoder.encodePacket(reply, out, ByteBufAllocator.DEFAULT, true);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theConnectReplyCarriesThePidRecordedForItsSidOnce() throws Exception {
    UUID sid = UUID.randomUUID();
    internals.replyWith(sid, "the-pid");
    assertEquals("40{\"sid\":\"" + sid + "\",\"pid\":\"the-pid\"}", connectReply(sid));
    assertEquals("40{\"sid\":\"" + sid + "\"}", connectReply(sid), "a pid is used once");
  }

  @Test
  void aForgottenSessionsReplyHasNoPid() throws Exception {
    UUID sid = UUID.randomUUID();
    internals.replyWith(sid, "the-pid");
    internals.forget(sid);
    assertEquals("40{\"sid\":\"" + sid + "\"}", connectReply(sid));
  }

  @Test
  void thePacketHandlerIsSharedUnderItsKnownName() {
    assertEquals("packetHandler", SocketIOChannelInitializer.PACKET_HANDLER);
    assertTrue(InPacketHandler.class.isAnnotationPresent(ChannelHandler.Sharable.class));
  }
}
