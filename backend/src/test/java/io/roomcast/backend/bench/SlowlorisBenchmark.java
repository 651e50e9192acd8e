package io.roomcast.backend.bench;

import static org.awaitility.Awaitility.await;

import io.roomcast.backend.testing.StalledBodies;
import io.roomcast.backend.testing.TestBackend;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Latency of {@code POST /update} from well-behaved clients while 500 slowloris connections (head
 * and part of a body sent, then nothing) are open, next to the same run without them; printed as
 * figures (nothing is asserted). BACKEND_REQUEST_TIMEOUT_MS is raised so the stalled connections
 * stay open for the whole run. Run with:
 *
 * <pre>
 * mvn -q -pl backend test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.roomcast.backend.bench.SlowlorisBenchmark
 * </pre>
 */
public final class SlowlorisBenchmark {
  private static final int STALLED = 500;
  private static final int CLIENTS = 4;
  private static final int WARMUP_REQUESTS = 5_000;
  private static final int REQUESTS = 4_000;
  private static final int TIMEOUT_MS = 300_000;

  private SlowlorisBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = Map.of("BACKEND_REQUEST_TIMEOUT_MS", Integer.toString(TIMEOUT_MS));
    try (TestBackend backend = TestBackend.start(env)) {
      List<String> uuids = UpdateBenchmark.uuids();
      UpdateBenchmark.run(backend.http(), uuids, CLIENTS, WARMUP_REQUESTS, false);
      System.out.println("without stalled connections:");
      UpdateBenchmark.run(backend.http(), uuids, CLIENTS, REQUESTS, true);
      try (StalledBodies stalled =
          StalledBodies.open(
              backend.http().baseUrl(), STALLED, Duration.ofMillis(TIMEOUT_MS + 10_000))) {
        await().atMost(Duration.ofMinutes(1)).until(() -> backend.openConnections() >= STALLED);
        System.out.printf(
            "with %d stalled-body connections open (%d connections in all):%n",
            STALLED, backend.openConnections());
        UpdateBenchmark.run(backend.http(), uuids, CLIENTS, REQUESTS, true);
        System.out.printf(
            "stalled connections still waiting afterwards: %d%n", stalled.stillWaiting());
      }
    }
  }
}
