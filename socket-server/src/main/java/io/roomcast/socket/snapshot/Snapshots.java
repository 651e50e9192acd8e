package io.roomcast.socket.snapshot;

import io.roomcast.socket.config.SocketServerConfig;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Initial state on join, as the rooms code uses it: a {@link SnapshotReader} behind a {@link
 * SnapshotQueue}, so that at most {@code SNAPSHOT_MAX_CONCURRENT} reads run and {@code
 * SNAPSHOT_MAX_QUEUED} wait.
 */
public final class Snapshots implements AutoCloseable {
  private final SnapshotReader reader;
  private final SnapshotQueue queue;

  private Snapshots(SnapshotReader reader, SnapshotQueue queue) {
    this.reader = reader;
    this.queue = queue;
  }

  public static Snapshots open(SocketServerConfig config) {
    return new Snapshots(
        new SnapshotReader(
            config.mongoUri(), config.watchDatabases(), config.uuidField(), config.snapshot()),
        new SnapshotQueue(config.snapshot()));
  }

  /**
   * The rooms' documents at one cluster time; fails with {@link SnapshotQueue.Full} when too many
   * snapshots are waiting (nothing was read).
   */
  public CompletionStage<Snapshot> read(Set<String> rooms) {
    return queue.submit(() -> reader.read(rooms));
  }

  @Override
  public void close() {
    queue.close();
    reader.close();
  }
}
