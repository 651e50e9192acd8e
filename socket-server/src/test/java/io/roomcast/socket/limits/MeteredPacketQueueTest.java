package io.roomcast.socket.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MeteredPacketQueueTest {
  private static final int BODY = 1000;

  @Test
  void countsQueuedBytesAndReleasesThemWhenPolled() {
    MeteredPacketQueue queue = new MeteredPacketQueue(10_000, () -> {});
    queue.add(event());
    queue.add(event());
    assertEquals(2 * PacketSizes.of(event()), queue.bytes());
    assertTrue(PacketSizes.of(event()) > BODY, "the pre-encoded body is counted");
    queue.poll();
    queue.poll();
    assertEquals(0, queue.bytes());
    assertTrue(queue.isEmpty());
  }

  @Test
  void pastTheBoundRefusesEmptiesAndReportsOnceButLetsTheDisconnectThrough() {
    AtomicInteger overflows = new AtomicInteger();
    MeteredPacketQueue queue = new MeteredPacketQueue(5 * BODY, overflows::incrementAndGet);
    for (int i = 0; i < 20; i++) {
      queue.add(event()); // never throws, unlike AbstractQueue.add on a full queue
    }
    assertEquals(1, overflows.get());
    assertTrue(queue.isEmpty(), "what was queued is released at once");
    Packet disconnect = new Packet(PacketType.MESSAGE, EngineIOVersion.V4);
    disconnect.setSubType(PacketType.DISCONNECT);
    assertTrue(queue.offer(disconnect));
    assertFalse(queue.offer(event()));
    assertEquals(1, queue.size());
  }

  private static Packet event() {
    Packet packet = new Packet(PacketType.MESSAGE, EngineIOVersion.V4);
    packet.setSubType(PacketType.EVENT);
    packet.setName("items");
    packet.setData(List.of(new RawValue(new SerializedString("x".repeat(BODY)))));
    return packet;
  }
}
