package io.roomcast.e2e.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every test client records, whatever drives it: the events in arrival order, the JoinRoom
 * acknowledgement, and connection errors, which also go into its description for failure messages.
 */
public abstract class RecordingClient implements WatchingClient {
  private final String name;
  private final List<ReceivedEvent> events = new CopyOnWriteArrayList<>();
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final AtomicReference<JsonNode> joinAck = new AtomicReference<>();

  RecordingClient(String name) {
    this.name = name;
  }

  final void recordEvent(ReceivedEvent event) {
    events.add(event);
  }

  final void recordJoinAck(JsonNode ack) {
    joinAck.set(ack);
  }

  final void recordError(String error) {
    errors.add(error);
  }

  /** Connection errors and unexpected disconnects, for assertions and failure messages. */
  public final List<String> errors() {
    return List.copyOf(errors);
  }

  @Override
  public final String describe() {
    return name + (errors.isEmpty() ? "" : " " + errors);
  }

  @Override
  public final JsonNode joinAck() {
    return joinAck.get();
  }

  @Override
  public final List<ReceivedEvent> events() {
    return List.copyOf(events);
  }
}
