package io.roomcast.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One client on Netty's in-memory channel, fed what a Socket.IO server sends, byte for byte. */
class EioClientTest {
  private static final int ROOMS = 2;
  private static final URI URI = java.net.URI.create("ws://127.0.0.1:81/socket.io/?EIO=4");

  private final Tally tally = new Tally(ROOMS);
  private final AtomicInteger settled = new AtomicInteger();
  private final String key = WebSocketFrames.newKey();
  private final EmbeddedChannel channel =
      new EmbeddedChannel(
          new EioClient(
              WebSocketFrames.upgradeRequest(URI, key, false),
              key,
              false,
              "room-1",
              1,
              tally,
              new EventNumbers(),
              settled::incrementAndGet));

  private static String event(int step, long seq) {
    return "42[\"bench\",{\"uuid\":\"room-1\",\"benchStep\":"
        + step
        + ",\"benchSeq\":"
        + seq
        + ",\"benchTs\":"
        + System.nanoTime() / 1000
        + ",\"pad\":\"xxxx\"}]";
  }

  private void receive(String text) {
    channel.writeInbound(Unpooled.wrappedBuffer(ServerBytes.text(text)));
  }

  private String sent() {
    int[] opcode = new int[1];
    String text =
        new String(ServerBytes.unmask(channel.readOutbound(), opcode), StandardCharsets.UTF_8);
    assertEquals(WebSocketFrames.TEXT, opcode[0]);
    return text;
  }

  private void upgraded() {
    ByteBuf request = channel.readOutbound();
    assertTrue(request.toString(StandardCharsets.US_ASCII).contains(key));
    request.release();
    channel.writeInbound(ServerBytes.ascii(ServerBytes.upgrade(key, "")));
  }

  @Test
  void upgradesConnectsJoinsItsRoomAndAnswersPings() {
    upgraded();
    receive("0{\"sid\":\"s1\",\"pingInterval\":25000}");
    assertEquals("40", sent());
    receive("40{\"sid\":\"n1\"}");
    assertEquals("421[\"JoinRoom\",[\"room-1\"]]", sent());
    receive("431[{\"results\":[]}]");
    assertEquals(1, tally.joinedCount());
    assertEquals(1, settled.get());
    receive("2");
    assertEquals("3", sent());
    assertNull(channel.readOutbound());
  }

  @Test
  void countsItsRoomsEventsDuplicatesAndMissingOnes() {
    upgraded();
    tally.begin(5);
    receive(event(5, 1)); // this room's first write (seq % ROOMS == 1)
    receive(event(5, 1));
    receive(event(4, 3)); // a late event of the previous step
    receive(event(5, 5)); // seq 3 never comes
    StepCounts counts = tally.finish(6);
    assertEquals(3, counts.expected());
    assertEquals(3, counts.received());
    assertEquals(1, counts.duplicates());
    assertEquals(1, counts.missing());
    assertEquals(1, counts.stale());
    assertEquals(0, counts.failures());
    assertEquals(3, counts.latencyMicros().getTotalCount());
  }

  @Test
  void anEventWithoutItsNumbersIsAFailureNotADelivery() {
    upgraded();
    tally.begin(1);
    receive("42[\"bench\",{\"benchSeq\":1}]");
    StepCounts counts = tally.finish(2);
    assertEquals(0, counts.received());
    assertEquals(1, counts.failures());
    assertEquals(
        "an event without benchStep, benchSeq and benchTs in that order", counts.firstFailure());
  }

  @Test
  void aConnectionThatEndsBeforeItsJoinIsAFailure() {
    upgraded();
    channel.close();
    StepCounts counts = tally.finish(0);
    assertEquals(1, counts.failures());
    assertEquals(0, counts.disconnected());
    assertEquals(1, settled.get());
  }
}
