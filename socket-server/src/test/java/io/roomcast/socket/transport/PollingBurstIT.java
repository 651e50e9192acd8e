package io.roomcast.socket.transport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.RawPolling;
import io.roomcast.socket.testing.ServerWithDatabase;
import io.roomcast.socket.testing.SocketServers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A long-polling client that had more events waiting than one response carries (50 packets) gets
 * every one of them over the next polls, in order: netty-socketio 2.0.14 dropped one per full
 * response (see LosslessPacketEncoder), which lost a change after every reconnect that replayed
 * more than 49.
 */
class PollingBurstIT {
  private static final int CHANGES = 175;
  private static final Pattern N = Pattern.compile("\"n\":(\\d+)");

  @RegisterExtension
  static final ServerWithDatabase RUNNING = ServerWithDatabase.perClass(Map.of());

  @Test
  void eventsQueuedBeyondOneResponseAllArriveInOrder() throws Exception {
    UUID room = UUID.randomUUID();
    int port = RUNNING.port();
    String sid = RawPolling.open(port);
    RawPolling.post(port, sid, "40");
    assertTrue(RawPolling.get(port, sid).body().startsWith("40{"), "the CONNECT reply");
    RawPolling.post(port, sid, "420[\"JoinRoom\",[\"" + room + "\"]]");
    assertTrue(RawPolling.get(port, sid).body().startsWith("430["), "the join's ack");

    try (JavaClient fence =
        JavaClient.connect(SocketServers.url(RUNNING.server()), "websocket").awaitConnected()) {
      fence.join(room.toString());
      List<BsonDocument> documents = new ArrayList<>();
      IntStream.range(0, CHANGES)
          .forEach(n -> documents.add(MongoWriter.document(room, "{n: " + n + "}")));
      RUNNING.writer().collection("app", "items").insertMany(documents);
      // Each change is queued for the polling client as it is handed to the websocket one.
      await("every change at the websocket client")
          .atMost(JavaClient.TIMEOUT)
          .until(() -> fence.events().size() >= CHANGES);
    }

    List<Integer> received = new ArrayList<>();
    await("every change over polling")
        .atMost(JavaClient.TIMEOUT)
        .until(
            () -> {
              Matcher numbers = N.matcher(RawPolling.get(port, sid).body());
              while (numbers.find()) {
                received.add(Integer.parseInt(numbers.group(1)));
              }
              return new TreeSet<>(received).size() >= CHANGES;
            });
    assertEquals(IntStream.range(0, CHANGES).boxed().toList(), received);
  }
}
