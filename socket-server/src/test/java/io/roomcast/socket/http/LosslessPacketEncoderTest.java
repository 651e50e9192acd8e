package io.roomcast.socket.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.JacksonJsonSupport;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketEncoder;
import com.corundumstudio.socketio.protocol.PacketType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/**
 * A long-polling response takes at most 50 packets off a client's queue; the rest wait, none lost.
 * netty-socketio 2.0.14's own encoder drops the 51st (the test pinning that fails once upstream
 * fixes it: then the {@link LosslessPacketEncoder} can go).
 */
class LosslessPacketEncoderTest {
  private static final int LIMIT = 50; // EncoderHandler's per-response limit
  private static final Configuration CONFIGURATION = configuration();

  @Test
  void aFullResponseLeavesTheRestQueuedInOrder() throws Exception {
    Queue<Packet> queue = events(60);
    String first = encode(new LosslessPacketEncoder(CONFIGURATION), queue);
    assertEquals(10, queue.size());
    assertEquals(50, first.split("\u001e").length);
    assertEquals(
        "42[\"n\",50]", encode(new LosslessPacketEncoder(CONFIGURATION), queue).split("\u001e")[0]);
  }

  @Test
  void aShortQueueIsTakenWhole() throws Exception {
    Queue<Packet> queue = events(3);
    assertEquals(
        "42[\"n\",0]\u001e42[\"n\",1]\u001e42[\"n\",2]",
        encode(new LosslessPacketEncoder(CONFIGURATION), queue));
    assertEquals(0, queue.size());
  }

  @Test
  void jsonpResponsesLoseNothingEither() throws Exception {
    Queue<Packet> queue = events(51);
    ByteBuf out = Unpooled.buffer();
    new LosslessPacketEncoder(CONFIGURATION)
        .encodeJsonP(null, queue, out, ByteBufAllocator.DEFAULT, LIMIT);
    out.release();
    assertEquals(1, queue.size());
  }

  @Test
  void nettySocketIosOwnEncoderStillDropsThePacketAfterTheLimit() throws Exception {
    Queue<Packet> queue = events(60);
    encode(new PacketEncoder(CONFIGURATION, CONFIGURATION.getJsonSupport()), queue);
    assertEquals(9, queue.size(), "upstream fixed the loss: LosslessPacketEncoder can go");
  }

  /** As SocketIOServer completes it: with its Jackson support. */
  private static Configuration configuration() {
    Configuration configuration = new Configuration();
    configuration.setJsonSupport(new JacksonJsonSupport());
    return configuration;
  }

  private static String encode(PacketEncoder encoder, Queue<Packet> queue) throws Exception {
    ByteBuf out = Unpooled.buffer();
    try {
      encoder.encodePackets(queue, out, ByteBufAllocator.DEFAULT, LIMIT);
      return out.toString(StandardCharsets.UTF_8);
    } finally {
      out.release();
    }
  }

  private static Queue<Packet> events(int count) {
    Queue<Packet> queue = new ArrayDeque<>();
    for (int i = 0; i < count; i++) {
      Packet packet = new Packet(PacketType.MESSAGE, EngineIOVersion.V4);
      packet.setSubType(PacketType.EVENT);
      packet.setName("n");
      packet.setData(List.of(i));
      packet.setNsp("");
      queue.add(packet);
    }
    return queue;
  }
}
