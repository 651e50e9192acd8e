package io.roomcast.socket.benchmark;

import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.testing.Scrape;
import io.roomcast.socket.SocketServer;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.SocketServers;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonInt32;

/**
 * Replay figures: the time to replay N missed changes to one client from the server's window and
 * from MongoDB (a catch-up cursor), and a reconnect storm: C clients, each M changes behind,
 * joining with {@code since} at once on a server started after the changes (empty window), until
 * every one has its ack and its changes, with the catch-up cursors that took. Everything runs in
 * one JVM, so the figures are a floor.
 *
 * <pre>mvn -pl socket-server exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.roomcast.socket.benchmark.ReplayBenchmark -Dexec.args="10000 1000 100"
 * </pre>
 */
public final class ReplayBenchmark {
  private ReplayBenchmark() {}

  public static void main(String[] args) throws Exception {
    int missed = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int storm = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    int stormMissed = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    String room = UUID.randomUUID().toString();
    String stormRoom = UUID.randomUUID().toString();
    HttpClient http = HttpClient.newHttpClient(); // not AutoCloseable before Java 21
    try (EmbeddedMongo mongo = EmbeddedMongo.start();
        MongoWriter writer = new MongoWriter(mongo.connectionString())) {
      String since;
      String stormSince;
      try (SocketServer window =
              SocketServers.start(
                  mongo.connectionString(),
                  Map.of("REPLAY_WINDOW_EVENTS", Integer.toString(missed * 2)));
          JavaClient first = JavaClient.connect(SocketServers.url(window), "websocket")) {
        first.awaitConnected().join(room);
        insert(writer, room, 0, 1);
        since =
            first.awaitEvent("change 0", e -> e.name().equals("items")).meta().path("id").asText();
        first.join(stormRoom);
        insert(writer, stormRoom, 0, 1);
        stormSince =
            first
                .awaitEvent("storm change 0", e -> e.uuid().equals(stormRoom))
                .meta()
                .path("id")
                .asText();
        first.close();
        insert(writer, room, 1, missed + 1);
        insert(writer, stormRoom, 1, stormMissed + 1);
        awaitRoutedChanges(window, missed + stormMissed + 2);
        replayOnce(http, window, room, since, missed, "the window");
      }
      try (SocketServer restarted =
          SocketServers.start(mongo.connectionString(), Map.of("REPLAY_WINDOW_EVENTS", "10"))) {
        replayOnce(http, restarted, room, since, missed, "MongoDB");
      }
      try (SocketServer restarted = SocketServers.start(mongo.connectionString(), Map.of())) {
        reconnectStorm(http, restarted, stormRoom, stormSince, stormMissed, storm);
      }
    }
  }

  private static void replayOnce(
      HttpClient http, SocketServer server, String room, String since, int missed, String source)
      throws Exception {
    long start = System.nanoTime();
    RejoiningRawClient client =
        RejoiningRawClient.connect(http, server.port(), room, since, missed);
    client.done().get(5, TimeUnit.MINUTES);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    System.out.printf(
        "replay of %d missed changes to one client from %s: %d ms (%.0f changes/s)%n",
        missed, source, millis, missed * 1000.0 / Math.max(1, millis));
  }

  private static void reconnectStorm(
      HttpClient http, SocketServer server, String room, String since, int missed, int clients)
      throws Exception {
    double cursorsBefore = cursorsOpened(server);
    long start = System.nanoTime();
    List<CompletableFuture<Void>> done = new ArrayList<>();
    List<RejoiningRawClient> storm = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      RejoiningRawClient client =
          RejoiningRawClient.connect(http, server.port(), room, since, missed);
      storm.add(client);
      done.add(client.done());
    }
    try {
      CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
    } catch (java.util.concurrent.TimeoutException e) {
      long acked = storm.stream().filter(c -> c.ack() != null).count();
      long finished = done.stream().filter(CompletableFuture::isDone).count();
      System.out.printf(
          "reconnect storm: not all caught up after 2 min: %d acked, %d done, first ack %s%n",
          acked,
          finished,
          storm.stream()
              .filter(c -> !c.done().isDone())
              .map(c -> c.ack() + "/" + c.events())
              .findFirst());
      return;
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    long recovered = storm.stream().filter(c -> c.ack().contains("\"recovered\":true")).count();
    System.out.printf(
        "reconnect storm after a restart: %d clients each %d changes behind: all caught up in %d ms,"
            + " %d recovered, %.0f catch-up cursors opened%n",
        clients, missed, millis, recovered, cursorsOpened(server) - cursorsBefore);
  }

  private static double cursorsOpened(SocketServer server) {
    return Scrape.of(SocketServers.adminUrl(server) + "/metrics")
        .value("roomcast_catchup_cursors_opened_total");
  }

  private static void awaitRoutedChanges(SocketServer server, int changes) throws Exception {
    while (Scrape.of(SocketServers.adminUrl(server) + "/metrics")
            .value("roomcast_changes_routed_total")
        < changes) {
      TimeUnit.MILLISECONDS.sleep(100); // a benchmark's wait, not a test's
    }
  }

  private static void insert(MongoWriter writer, String room, int from, int to) {
    List<BsonDocument> batch = new ArrayList<>();
    for (int n = from; n < to; n++) {
      batch.add(MongoWriter.document(UUID.fromString(room), "{}").append("n", new BsonInt32(n)));
      if (batch.size() == 1000 || n == to - 1) {
        writer.collection("app", "items").insertMany(batch);
        batch.clear();
      }
    }
  }
}
