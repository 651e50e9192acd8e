package io.roomcast.bench;

import java.util.List;

/** Where the writer's changes go: the database (the servers watch it) or straight to a server. */
interface Feed extends AutoCloseable {
  /** Writes the batch, in order, and returns once it is written. */
  void publish(List<Change> batch) throws Exception;

  /** One write: step and sequence for the clients' accounting, send time for the latency. */
  record Change(String room, int step, long seq, long sentMicros) {}
}
