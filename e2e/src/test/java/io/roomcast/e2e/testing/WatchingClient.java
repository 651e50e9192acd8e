package io.roomcast.e2e.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * A real Socket.IO client that has joined some rooms, whatever its language or protocol version, so
 * that one end-to-end scenario runs against each kind of client.
 */
public interface WatchingClient extends AutoCloseable {
  Duration TIMEOUT = Duration.ofSeconds(20);

  /** What this client is, for test names and failure messages. */
  String describe();

  /** The JoinRoom acknowledgement, once it has arrived; null before. */
  JsonNode joinAck();

  /** Every event received so far, in arrival order. */
  List<ReceivedEvent> events();

  @Override
  void close();

  /** Waits for the JoinRoom acknowledgement and returns it. */
  default JsonNode awaitJoined() {
    await("JoinRoom ack for " + describe()).atMost(TIMEOUT).until(() -> joinAck() != null);
    return joinAck();
  }

  /** Waits for an event matching the condition and returns the first such event. */
  default ReceivedEvent awaitEvent(String what, Predicate<ReceivedEvent> condition) {
    await(describe() + " receives " + what)
        .atMost(TIMEOUT)
        .until(() -> events().stream().anyMatch(condition));
    return events().stream().filter(condition).findFirst().orElseThrow();
  }
}
