package io.roomcast.backend.bench;

import io.roomcast.backend.testing.TestBackend;
import io.roomcast.embedded.testing.Http;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Throughput and latency of {@code POST /update} over real HTTP against the embedded database,
 * printed as figures (nothing is asserted). Run with:
 *
 * <pre>
 * mvn -q -pl backend test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.roomcast.backend.bench.UpdateBenchmark
 * </pre>
 */
public final class UpdateBenchmark {
  private static final int WARMUP_REQUESTS = 2_000;
  private static final int REQUESTS = 5_000;
  private static final int DOCUMENTS = 200;

  private UpdateBenchmark() {}

  public static void main(String[] args) throws Exception {
    try (TestBackend backend = TestBackend.start()) {
      List<String> uuids = uuids();
      run(backend.http(), uuids, 4, WARMUP_REQUESTS, false);
      for (int clients : new int[] {1, 4, 16}) {
        run(backend.http(), uuids, clients, REQUESTS, true);
      }
    }
  }

  /** The documents the benchmarks write, in rotation. */
  static List<String> uuids() {
    List<String> uuids = new ArrayList<>();
    for (int i = 0; i < DOCUMENTS; i++) {
      uuids.add(UUID.randomUUID().toString());
    }
    return uuids;
  }

  /** Sends {@code requests} updates from {@code clients} threads; prints the figures if asked. */
  static void run(Http http, List<String> uuids, int clients, int requests, boolean print)
      throws Exception {
    long[] nanos = new long[requests];
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      done.add(
          pool.submit(
              () -> {
                for (int i = client; i < requests; i += clients) {
                  String body =
                      "{\"uuid\":\""
                          + uuids.get(i % uuids.size())
                          + "\",\"data\":{\"n\":"
                          + i
                          + ",\"text\":\"benchmark\"}}";
                  long t0 = System.nanoTime();
                  Http.Reply reply = http.json("POST", "/update", body);
                  nanos[i] = System.nanoTime() - t0;
                  if (reply.status() / 100 != 2) {
                    throw new IllegalStateException("unexpected reply " + reply);
                  }
                }
                return null;
              }));
    }
    for (Future<?> future : done) {
      future.get();
    }
    long elapsed = System.nanoTime() - start;
    pool.shutdown();
    if (print) {
      Arrays.sort(nanos);
      System.out.printf(
          Locale.ROOT,
          "POST /update, %2d clients: %6.0f req/s, p50 %.2f ms, p99 %.2f ms (%d requests)%n",
          clients,
          requests / (elapsed / 1e9),
          nanos[requests / 2] / 1e6,
          nanos[requests * 99 / 100] / 1e6,
          requests);
    }
  }
}
