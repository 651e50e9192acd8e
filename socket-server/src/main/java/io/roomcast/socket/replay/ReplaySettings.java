package io.roomcast.socket.replay;

import io.roomcast.common.config.Setting;
import io.roomcast.common.config.Settings;
import java.time.Duration;
import java.util.List;

/**
 * The settings of replay (JoinRoom with {@code since}): the in-memory window of recent changes, the
 * most one replay may send, and the catch-up cursors that read older positions from MongoDB.
 *
 * @param windowEvents {@code REPLAY_WINDOW_EVENTS}: changes kept in memory at most
 * @param windowAge {@code REPLAY_WINDOW_SECONDS}: how long a change stays in the window
 * @param windowBytes {@code REPLAY_WINDOW_BYTES}: encoded bytes the window holds at most
 * @param maxEvents {@code REPLAY_MAX_EVENTS}: changes one join may replay; beyond, it resyncs
 * @param catchUpCursors {@code CATCHUP_CURSORS}: cursors reading MongoDB for old positions at once
 * @param catchUpQueue {@code CATCHUP_QUEUE}: catch-ups waiting for a cursor; beyond, refused
 * @param catchUpTimeout {@code CATCHUP_TIMEOUT}: how long one catch-up may read; beyond, resync
 */
public record ReplaySettings(
    int windowEvents,
    Duration windowAge,
    long windowBytes,
    int maxEvents,
    int catchUpCursors,
    int catchUpQueue,
    Duration catchUpTimeout) {
  public static final Setting<Integer> REPLAY_WINDOW_EVENTS =
      Setting.integer(
          "REPLAY_WINDOW_EVENTS",
          10_000,
          0,
          1_000_000,
          "recent changes kept in memory to replay to rejoining clients (JoinRoom `since`); "
              + "older positions are read from MongoDB");
  public static final Setting<Integer> REPLAY_WINDOW_SECONDS =
      Setting.integer(
          "REPLAY_WINDOW_SECONDS", 120, 1, 3_600, "seconds a change stays in the replay window");
  public static final Setting<Integer> REPLAY_WINDOW_BYTES =
      Setting.integer(
          "REPLAY_WINDOW_BYTES",
          64 * 1024 * 1024,
          0,
          1024 * 1024 * 1024,
          "encoded bytes (bodies and metadata) the replay window holds at most");
  public static final Setting<Integer> REPLAY_MAX_EVENTS =
      Setting.integer(
          "REPLAY_MAX_EVENTS",
          10_000,
          1,
          1_000_000,
          "changes one JoinRoom may replay; a client further behind gets `resync` instead");
  public static final Setting<Integer> CATCHUP_CURSORS =
      Setting.integer(
          "CATCHUP_CURSORS",
          4,
          1,
          64,
          "change-stream cursors reading MongoDB at once for positions older than the window; "
              + "waiting clients with nearby positions share one");
  public static final Setting<Integer> CATCHUP_QUEUE =
      Setting.integer(
          "CATCHUP_QUEUE",
          5_000,
          1,
          100_000,
          "JoinRoom catch-ups waiting for a cursor; beyond, a JoinRoom with `since` is refused "
              + "(nothing done)");
  public static final Setting<Integer> CATCHUP_TIMEOUT =
      Setting.integer(
          "CATCHUP_TIMEOUT",
          30,
          1,
          600,
          "seconds one catch-up cursor may read before its clients get `resync`");

  public static final List<Setting<?>> SETTINGS =
      List.of(
          REPLAY_WINDOW_EVENTS,
          REPLAY_WINDOW_SECONDS,
          REPLAY_WINDOW_BYTES,
          REPLAY_MAX_EVENTS,
          CATCHUP_CURSORS,
          CATCHUP_QUEUE,
          CATCHUP_TIMEOUT);

  /** Reads and validates the replay settings. */
  public static ReplaySettings from(Settings settings) {
    return new ReplaySettings(
        REPLAY_WINDOW_EVENTS.read(settings),
        Duration.ofSeconds(REPLAY_WINDOW_SECONDS.read(settings)),
        REPLAY_WINDOW_BYTES.read(settings),
        REPLAY_MAX_EVENTS.read(settings),
        CATCHUP_CURSORS.read(settings),
        CATCHUP_QUEUE.read(settings),
        Duration.ofSeconds(CATCHUP_TIMEOUT.read(settings)));
  }
}
