package io.roomcast.socket.fuzz;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.testing.CapturedLog;
import io.roomcast.embedded.testing.HeapAfterGc;
import io.roomcast.socket.SocketServer;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.SocketServers;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * At least 100,000 random and mutated Engine.IO/Socket.IO frames (websocket and polling, v3 and v4,
 * text and binary) at a running socket server while changes are written to a room. Afterwards the
 * server serves, logged no ERROR, its heap after GC is where it was, and the well-behaved clients
 * in that room (a socket.io-client and a raw one) received every change. Seeded: rerun a failure
 * with {@code -Dfuzz.seed=<printed seed>}; {@code -Dfuzz.frames=N} changes the count.
 */
class FrameFuzzIT {
  private static final long FRAMES = Long.getLong("fuzz.frames", 100_000);
  private static final long HEAP_GROWTH_ALLOWED = 64L << 20;

  @Test
  void theServerSurvivesFuzzedFramesAndServesEveryWellBehavedClient() throws Exception {
    long seed = Long.getLong("fuzz.seed", new SecureRandom().nextLong());
    System.out.printf("frame fuzzer: seed %d (rerun with -Dfuzz.seed=%d)%n", seed, seed);
    try (EmbeddedMongo mongo = EmbeddedMongo.start();
        SocketServer server =
            SocketServers.start(mongo.connectionString(), Map.of("CONNECT_TIMEOUT", "2000"));
        CapturedLog log = CapturedLog.all();
        WellBehavedClients clients =
            WellBehavedClients.join(server, mongo.connectionString(), UUID.randomUUID())) {
      long heapBefore = HeapAfterGc.used();
      long websocketFrames = FRAMES * 4 / 5;
      WebsocketFuzzer websocket = new WebsocketFuzzer(server.port(), new Random(seed));
      PollingFuzzer polling = new PollingFuzzer(server.port(), new Random(seed + 1));
      long started = System.nanoTime();
      clients.startWriting();
      CompletableFuture<Long> pollingDone =
          CompletableFuture.supplyAsync(() -> timed(() -> polling.send(FRAMES - websocketFrames)));
      long websocketMillis;
      try (websocket) {
        websocketMillis = timed(() -> websocket.send(websocketFrames));
      }
      System.out.printf(
          "frame fuzzer: websocket part %d ms, polling part %d ms%n",
          websocketMillis, pollingDone.join());
      int written = clients.stopWriting();
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          "frame fuzzer: %d websocket frames over %d sessions, %d polling packets (answers by"
              + " status %s), %d changes written, in %.1f s%n",
          websocket.sent(),
          websocket.sessionsOpened(),
          polling.sent(),
          polling.statuses(),
          written,
          seconds);
      assertTrue(websocket.sent() + polling.sent() >= FRAMES);

      clients.awaitEveryChange(written);
      try (JavaClient after =
          JavaClient.connect(SocketServers.url(server), "websocket").awaitConnected()) {
        assertTrue(after.join(UUID.randomUUID().toString()).path("ok").asBoolean());
      }
      // Sessions the fuzzer left without CONNECT are freed after CONNECT_TIMEOUT (2 s).
      await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
      long heapAfter = HeapAfterGc.used();
      System.out.printf(
          "frame fuzzer: heap after GC %d MB before, %d MB after%n",
          heapBefore >> 20, heapAfter >> 20);
      assertNoErrorLogged(log.events());
      assertTrue(
          heapAfter - heapBefore < HEAP_GROWTH_ALLOWED,
          "heap grew by " + ((heapAfter - heapBefore) >> 20) + " MB");
    }
  }

  private static void assertNoErrorLogged(List<ILoggingEvent> events) {
    List<String> errors =
        events.stream()
            .filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
            .map(e -> e.getLoggerName() + " - " + e.getFormattedMessage())
            .limit(20)
            .toList();
    long warnings = events.stream().filter(e -> e.getLevel() == Level.WARN).count();
    System.out.printf("frame fuzzer: %d WARN lines logged%n", warnings);
    assertEquals(List.of(), errors);
  }

  /** A step that may throw, run where only unchecked exceptions are allowed. */
  private interface Step {
    void run() throws Exception;
  }

  /** Runs the step and returns how long it took, in milliseconds. */
  private static long timed(Step step) {
    long started = System.nanoTime();
    try {
      step.run();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return (System.nanoTime() - started) / 1_000_000;
  }
}
