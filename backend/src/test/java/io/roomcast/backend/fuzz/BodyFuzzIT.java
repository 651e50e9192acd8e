package io.roomcast.backend.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import io.roomcast.backend.BackendConfig;
import io.roomcast.backend.testing.TestBackend;
import io.roomcast.common.uuid.Uuids;
import io.roomcast.embedded.testing.CapturedLog;
import io.roomcast.embedded.testing.HeapAfterGc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/**
 * Sends at least 100,000 fuzzed requests ({@link FuzzCases}) to a running backend over real HTTP,
 * from a few keep-alive connections in parallel, then checks: no 5xx, every error a JSON {@code
 * {"error"}} body, no ERROR line or stack trace in the log, the server still serving, the database
 * holding exactly what the successful requests wrote (and no more changes than they made), and the
 * heap after GC about where it was. Seeded: {@code -Dfuzz.seed=N} replays a run, {@code
 * -Dfuzz.requests=N} changes its size; both are printed with the counts.
 */
class BodyFuzzIT {
  private static final int WORKERS = 6;

  private static final long HEAP_PER_HISTORY_BYTE = 4;
  private static final long HEAP_SLACK_BYTES = 48L << 20;

  /** A multiple of WORKERS: each document is only ever written by one worker. */
  private static final int DOCUMENTS = 8 * WORKERS;

  @Test
  void fuzzedRequestsAreRefusedCleanlyAndWriteNothing() throws Exception {
    long seed = Long.getLong("fuzz.seed", System.nanoTime());
    long requests = Long.getLong("fuzz.requests", 100_000);
    System.out.printf(
        "BodyFuzzIT: seed %d, %d requests (replay with -Dfuzz.seed=%d)%n", seed, requests, seed);
    try (CapturedLog log = CapturedLog.all();
        TestBackend backend = TestBackend.start()) {
      List<String> uuids = new ArrayList<>();
      for (int i = 0; i < DOCUMENTS; i++) {
        uuids.add(UUID.randomUUID().toString());
      }
      FuzzCases cases = new FuzzCases(seed, uuids, BackendConfig.DEFAULT_MAX_BODY_BYTES);
      long heapBefore = HeapAfterGc.used();
      long historyBefore = backend.databaseHistory().retainedBytes();
      FuzzTally tally = new FuzzTally();
      try (MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> changes =
          backend.collection("app", "test").watch().cursor()) {
        long started = System.nanoTime();
        new FuzzClient(backend.http().baseUrl(), WORKERS).send(cases, requests, tally);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
            "BodyFuzzIT: %d requests in %.1f s (%.0f/s), %d successful writes, %d failures%n%s",
            requests,
            seconds,
            requests / seconds,
            tally.writes(),
            tally.failures(),
            tally.counts());
        assertEquals(List.of(), tally.firstFailures(), "seed " + seed);

        long changeEvents = changesUntilFence(backend, changes);
        System.out.printf(
            "BodyFuzzIT: %d change events for %d successful writes%n",
            changeEvents, tally.writes());
        assertTrue(changeEvents <= tally.writes(), "changes beyond the successful writes");
      }
      assertEquals(
          tally.expectedDocuments() + 1,
          backend.contents("app", "test").size(),
          "documents = created - deleted (+ the fence)");
      long heapAfter = HeapAfterGc.used();
      long historyGrowth = backend.databaseHistory().retainedBytes() - historyBefore;
      System.out.printf(
          "BodyFuzzIT: heap after GC %d MB before, %d MB after; the embedded database's change"
              + " history (same JVM) grew by %d MB of BSON, %d documents stored%n",
          heapBefore >> 20, heapAfter >> 20, historyGrowth >> 20, tally.expectedDocuments() + 1);
      // The backend keeps nothing per request: what grows is the database in the same JVM (its
      // change history holds each write's pre- and post-image as Java objects).
      assertTrue(
          heapAfter - heapBefore < HEAP_PER_HISTORY_BYTE * historyGrowth + HEAP_SLACK_BYTES,
          "heap grew beyond what the database's own growth explains");
      assertEquals(List.of(), log.errorsAndStackTraces(), "seed " + seed);
    }
  }

  /** Writes a fence document, then counts the change events before the fence's own. */
  private static long changesUntilFence(
      TestBackend backend, MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> changes) {
    UUID fence = UUID.randomUUID();
    String body = "{\"uuid\":\"" + fence + "\",\"data\":\"fence\"}";
    assertEquals(201, backend.http().json("POST", "/update", body).status(), "still serving");
    return assertTimeoutPreemptively(
        Duration.ofMinutes(1),
        () -> {
          long events = 0;
          while (true) {
            ChangeStreamDocument<BsonDocument> change = changes.next();
            BsonDocument document = change.getFullDocument();
            if (document != null && Uuids.toBinary(fence).equals(document.get("uuid"))) {
              return events;
            }
            events++;
          }
        });
  }
}
