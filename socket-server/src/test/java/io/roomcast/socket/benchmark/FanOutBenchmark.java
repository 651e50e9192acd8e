package io.roomcast.socket.benchmark;

import com.mongodb.client.MongoCollection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.roomcast.common.config.Settings;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.testing.HeapAfterGc;
import io.roomcast.socket.SocketServer;
import io.roomcast.socket.config.SocketServerConfig;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.TestTokens;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.bson.BsonDocument;
import org.bson.BsonInt64;

/**
 * Fan-out figures: N websocket clients spread over R rooms, E inserts written with the driver into
 * the embedded database, each delivered to every client of its room. Prints deliveries per second,
 * insert-to-receipt latency (p50, p99, max) and heap used. Everything runs in one JVM (database,
 * server and clients share the CPU), so the figures are a floor, not a ceiling. A fourth argument
 * {@code jwt} makes every client present a token (grants checked at join); a fifth {@code off} runs
 * the server with metrics off (a registry without backends: every meter is a no-op), to measure
 * what metrics cost; a sixth {@code off} runs it with {@code RECOVERY=false} (no offset argument,
 * no session records), to measure what connection state recovery costs.
 *
 * <p>The fourth argument is the room authorization: {@code open} (default) or {@code jwt}, where
 * each client connects with a token and every join is checked against its grants; the emit path is
 * the same in both (grants are checked at join time only), which the figures show.
 *
 * <pre>mvn -pl socket-server exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.roomcast.socket.benchmark.FanOutBenchmark -Dexec.args="1000 100 5000 jwt on on"
 * </pre>
 */
public final class FanOutBenchmark {
  private FanOutBenchmark() {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int rooms = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int events = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
    boolean jwt = args.length > 3 && "jwt".equals(args[3]);
    boolean metrics = args.length <= 4 || !"off".equals(args[4]);
    boolean recovery = args.length <= 5 || !"off".equals(args[5]);
    MeterRegistry registry =
        metrics
            ? new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)
            : new CompositeMeterRegistry();
    Map<String, String> env = new HashMap<>();
    env.put("SOCKET_HOST", "127.0.0.1");
    env.put("SOCKET_PORT", "0");
    env.put("ALLOWED_ORIGINS", "*");
    env.put("ADMIN_HOST", "127.0.0.1");
    env.put("ADMIN_PORT", "0");
    env.put("RECOVERY", Boolean.toString(recovery));
    env.putAll(jwt ? TestTokens.SERVER_SETTINGS : Map.of("ROOM_AUTH", "open"));
    String token = jwt ? TestTokens.granting(Duration.ofHours(1), "*") : null;
    try (EmbeddedMongo mongo = EmbeddedMongo.start()) {
      env.put("MONGODB_URI", mongo.connectionString());
      SocketServerConfig config = SocketServerConfig.from(Settings.from(env));
      try (MongoWriter writer = new MongoWriter(mongo.connectionString());
          SocketServer server = SocketServer.start(config, (database, message) -> {}, registry)) {
        System.out.printf(
            "room authorization: %s, metrics: %s, recovery: %s%n",
            jwt ? "jwt" : "open",
            metrics ? "on (Prometheus registry)" : "off",
            recovery ? "on" : "off");
        run(server.port(), writer.collection("app", "bench"), clients, rooms, events, token);
      }
    }
  }

  private static void run(
      int port,
      MongoCollection<BsonDocument> bench,
      int clients,
      int rooms,
      int events,
      String token)
      throws Exception {
    List<UUID> roomIds = new ArrayList<>();
    for (int i = 0; i < rooms; i++) {
      roomIds.add(UUID.randomUUID());
    }
    long expected = (long) events * (clients / rooms);
    AtomicLongArray latencies = new AtomicLongArray((int) expected + clients);
    AtomicLong received = new AtomicLong();
    CountDownLatch joined = new CountDownLatch(clients);
    HttpClient http = HttpClient.newHttpClient();
    List<WebSocket> sockets = new ArrayList<>();
    long connectStart = System.nanoTime();
    for (int i = 0; i < clients; i++) {
      String room = roomIds.get(i % rooms).toString();
      sockets.add(
          RawSocketIoClient.connect(
                  http,
                  port,
                  room,
                  token,
                  sent -> {
                    long index = received.getAndIncrement();
                    if (index < latencies.length()) {
                      latencies.set((int) index, System.nanoTime() - sent);
                    }
                  },
                  joined)
              .get(30, TimeUnit.SECONDS));
    }
    if (!joined.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("only " + (clients - joined.getCount()) + " clients joined");
    }
    System.out.printf(
        "%d websocket clients in %d rooms connected and joined in %d ms%n",
        clients, rooms, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - connectStart));

    ThreadCosts costs = ThreadCosts.start();
    long start = System.nanoTime();
    for (int i = 0; i < events; i++) {
      BsonDocument document = MongoWriter.document(roomIds.get(i % rooms), "{n: " + i + "}");
      document.put("sent", new BsonInt64(System.nanoTime()));
      bench.insertOne(document);
    }
    long written = System.nanoTime();
    long deadline = written + TimeUnit.SECONDS.toNanos(120);
    while (received.get() < expected && System.nanoTime() < deadline) {
      Thread.onSpinWait(); // a benchmark main, not a test: waiting here is the measurement
    }
    long end = System.nanoTime();
    report(clients, rooms, events, expected, received.get(), start, written, end, latencies);
    reportCosts(costs, received.get());
    sockets.forEach(socket -> socket.abort());
  }

  private static void report(
      int clients,
      int rooms,
      int events,
      long expected,
      long received,
      long start,
      long written,
      long end,
      AtomicLongArray latencies) {
    int count = (int) Math.min(received, latencies.length());
    long[] sorted = new long[count];
    for (int i = 0; i < count; i++) {
      sorted[i] = latencies.get(i);
    }
    Arrays.sort(sorted);
    double seconds = (end - start) / 1e9;
    long heapMb = HeapAfterGc.used() / (1024 * 1024);
    System.out.printf(
        "inserts: %d in %.2f s (%.0f/s); deliveries: %d of %d expected in %.2f s = %.0f events/s%n",
        events,
        (written - start) / 1e9,
        events / ((written - start) / 1e9),
        received,
        expected,
        seconds,
        received / seconds);
    System.out.printf(
        "latency insert->receipt: p50 %.1f ms, p99 %.1f ms, max %.1f ms; heap used after GC: %d MB "
            + "(database, server and %d clients in one JVM)%n",
        percentile(sorted, 0.50),
        percentile(sorted, 0.99),
        percentile(sorted, 1.0),
        heapMb,
        clients);
  }

  /** CPU and allocation per delivery by thread group: which groups are the server's is printed. */
  private static void reportCosts(ThreadCosts costs, long deliveries) {
    System.out.printf("GC time during the run: %d ms%n", costs.gcMillisSince());
    costs.since().entrySet().stream()
        .filter(group -> group.getValue()[0] > 10_000_000L)
        .forEach(
            group ->
                System.out.printf(
                    "  threads %-40s CPU %7.0f ms = %6.2f us/delivery, allocated %8.1f MB = %7.0f"
                        + " B/delivery%n",
                    group.getKey(),
                    group.getValue()[0] / 1e6,
                    group.getValue()[0] / 1e3 / deliveries,
                    group.getValue()[1] / 1e6,
                    (double) group.getValue()[1] / deliveries));
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }
}
