package io.roomcast.backend.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import io.roomcast.backend.BackendConfig;
import io.roomcast.backend.testing.CapturedLog;
import io.roomcast.backend.testing.TestBackend;
import io.roomcast.common.uuid.Uuids;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
  private static final ObjectMapper JSON = new ObjectMapper();
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
      long heapBefore = heapAfterGc();
      long historyBefore = backend.databaseHistory().retainedBytes();
      FuzzTally tally = new FuzzTally();
      try (MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> changes =
          backend.collection("app", "test").watch().cursor()) {
        long started = System.nanoTime();
        send(backend.http().baseUrl(), cases, requests, tally);
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
      long heapAfter = heapAfterGc();
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

  private static void send(String baseUrl, FuzzCases cases, long requests, FuzzTally tally)
      throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < WORKERS; w++) {
        int worker = w;
        done.add(
            workers.submit(
                () -> {
                  for (long i = worker; i < requests; i += WORKERS) {
                    exchange(client, baseUrl, i, cases.get(i), tally);
                  }
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      workers.shutdownNow();
    }
  }

  private static void exchange(
      HttpClient client, String baseUrl, long index, FuzzCase fuzzCase, FuzzTally tally)
      throws InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + fuzzCase.path()))
            .timeout(Duration.ofSeconds(30))
            .method(
                fuzzCase.method(),
                fuzzCase.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(fuzzCase.body()));
    if (fuzzCase.contentType() != null) {
      request.header("Content-Type", fuzzCase.contentType());
    }
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      tally.failure(index, fuzzCase, "no reply (" + e + ")");
      return;
    }
    int status = response.statusCode();
    tally.reply(fuzzCase, status);
    if (status >= 500) {
      tally.failure(index, fuzzCase, "status " + status + " " + response.body());
    } else if (status >= 400
        && !"HEAD".equals(fuzzCase.method())
        && !isJsonError(response.body())) {
      tally.failure(index, fuzzCase, "not a JSON error body: " + status + " " + response.body());
    }
  }

  private static boolean isJsonError(String body) {
    try {
      JsonNode error = JSON.readTree(body).path("error");
      return error.isTextual() && !error.asText().isEmpty();
    } catch (IOException e) {
      return false;
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

  private static long heapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
