package io.roomcast.socket.snapshot;

import io.roomcast.common.config.Setting;
import io.roomcast.common.config.Settings;
import java.util.List;

/**
 * The settings of initial state on join ({@code JoinRoom} with {@code "snapshot": true}).
 *
 * @param maxDocuments {@code SNAPSHOT_MAX_DOCUMENTS}: documents one join's ack carries at most
 * @param maxBytes {@code SNAPSHOT_MAX_BYTES}: JSON bytes of those documents at most (and at most
 *     half of {@code MAX_CLIENT_BUFFER_BYTES})
 * @param maxConcurrent {@code SNAPSHOT_MAX_CONCURRENT}: snapshot reads running at once
 * @param maxQueued {@code SNAPSHOT_MAX_QUEUED}: snapshot joins waiting for a slot; more are refused
 */
public record SnapshotSettings(int maxDocuments, int maxBytes, int maxConcurrent, int maxQueued) {
  public static final int DEFAULT_MAX_DOCUMENTS = 1000;
  public static final int DEFAULT_MAX_BYTES = 512 * 1024;
  public static final int DEFAULT_MAX_CONCURRENT = 4;
  public static final int DEFAULT_MAX_QUEUED = 200;

  public static final Setting<Integer> SNAPSHOT_MAX_DOCUMENTS =
      Setting.integer(
          "SNAPSHOT_MAX_DOCUMENTS",
          DEFAULT_MAX_DOCUMENTS,
          1,
          100_000,
          "documents one snapshot join returns at most, all its rooms together; beyond, its "
              + "results say `truncated: true`");
  public static final Setting<Integer> SNAPSHOT_MAX_BYTES =
      Setting.integer(
          "SNAPSHOT_MAX_BYTES",
          DEFAULT_MAX_BYTES,
          1024,
          256 * 1024 * 1024,
          "JSON bytes of documents one snapshot join returns at most, and at most half of "
              + "`MAX_CLIENT_BUFFER_BYTES` (the ack is written at once); beyond, `truncated: true`");
  public static final Setting<Integer> SNAPSHOT_MAX_CONCURRENT =
      Setting.integer(
          "SNAPSHOT_MAX_CONCURRENT",
          DEFAULT_MAX_CONCURRENT,
          1,
          256,
          "snapshot reads running at once (each holds one MongoDB connection of its own pool)");
  public static final Setting<Integer> SNAPSHOT_MAX_QUEUED =
      Setting.integer(
          "SNAPSHOT_MAX_QUEUED",
          DEFAULT_MAX_QUEUED,
          0,
          100_000,
          "snapshot joins waiting for a free read; further ones are refused (`ok: false`, "
              + "nothing done)");

  public static final List<Setting<?>> SETTINGS =
      List.of(
          SNAPSHOT_MAX_DOCUMENTS, SNAPSHOT_MAX_BYTES, SNAPSHOT_MAX_CONCURRENT, SNAPSHOT_MAX_QUEUED);

  /** These settings with {@code maxBytes} lowered to {@code limit} if above it. */
  public SnapshotSettings withMaxBytesAtMost(int limit) {
    return new SnapshotSettings(maxDocuments, Math.min(maxBytes, limit), maxConcurrent, maxQueued);
  }

  public static SnapshotSettings from(Settings settings) {
    return new SnapshotSettings(
        SNAPSHOT_MAX_DOCUMENTS.read(settings),
        SNAPSHOT_MAX_BYTES.read(settings),
        SNAPSHOT_MAX_CONCURRENT.read(settings),
        SNAPSHOT_MAX_QUEUED.read(settings));
  }
}
