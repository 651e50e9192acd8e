package io.roomcast.socket.fuzz;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roomcast.socket.SocketServer;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.JdkWebSocket;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.Received;
import io.roomcast.socket.testing.SocketServers;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The clients that behave while the fuzzer runs: socket.io-client-java and a raw v4 websocket
 * client, both in one room, and a writer that puts a change into that room at a fixed rate. Every
 * change written must reach both, counted by the distinct {@code meta.id}s received.
 */
final class WellBehavedClients implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long WRITE_EVERY_MILLIS = 50;

  private final UUID room;
  private final JavaClient javaClient;
  private final JdkWebSocket rawClient;
  private final MongoWriter writer;
  private final ScheduledExecutorService writes = Executors.newSingleThreadScheduledExecutor();
  private final AtomicInteger written = new AtomicInteger();

  private WellBehavedClients(SocketServer server, String mongoUri, UUID room) throws Exception {
    this.room = room;
    // Websocket: in one full-build run under heavy load (load average ~17) a polling client missed
    // changes for 30 s, not reproduced with the same seed; polling delivery is TransportsIT's.
    javaClient = JavaClient.connect(SocketServers.url(server), "websocket").awaitConnected();
    javaClient.join(room.toString());
    rawClient = JdkWebSocket.open(server.port());
    rawClient.sendText("40");
    rawClient.awaitMessage("40");
    rawClient.sendText("420[\"JoinRoom\",[\"" + room + "\"]]");
    rawClient.awaitMessage("430");
    writer = new MongoWriter(mongoUri);
  }

  static WellBehavedClients join(SocketServer server, String mongoUri, UUID room) throws Exception {
    return new WellBehavedClients(server, mongoUri, room);
  }

  void startWriting() {
    writes.scheduleAtFixedRate(
        () -> {
          int n = written.get();
          writer.collection("app", "items").insertOne(MongoWriter.document(room, "{n: " + n + "}"));
          written.incrementAndGet();
        },
        0,
        WRITE_EVERY_MILLIS,
        TimeUnit.MILLISECONDS);
  }

  /** Stops the writer and returns how many changes it wrote. */
  int stopWriting() throws InterruptedException {
    writes.shutdown();
    writes.awaitTermination(10, TimeUnit.SECONDS);
    return written.get();
  }

  void awaitEveryChange(int changes) throws Exception {
    try {
      await("every change reached the socket.io-client (" + changes + ")")
          .atMost(Duration.ofSeconds(30))
          .until(() -> javaClientIds().size() >= changes);
      await("every change reached the raw client (" + changes + ")")
          .atMost(Duration.ofSeconds(30))
          .until(() -> rawClientIds().size() >= changes);
    } finally {
      System.out.printf(
          "frame fuzzer: of %d changes, %d reached the socket.io-client (connected %s, errors %s),"
              + " %d the raw client%n",
          changes,
          javaClientIds().size(),
          javaClient.connected(),
          javaClient.connectErrors(),
          rawClientIds().size());
    }
    System.out.printf(
        "frame fuzzer: %d changes written, %d received by socket.io-client, %d by the raw client%n",
        changes, javaClientIds().size(), rawClientIds().size());
  }

  private Set<String> javaClientIds() {
    Set<String> ids = new HashSet<>();
    for (Received event : javaClient.events()) {
      if (event.name().equals("items") && event.uuid().equals(room.toString())) {
        ids.add(event.meta().path("id").asText());
      }
    }
    return ids;
  }

  private Set<String> rawClientIds() throws Exception {
    Set<String> ids = new HashSet<>();
    for (String frame : rawClient.received()) {
      if (frame.startsWith("42[\"items\"")) {
        JsonNode event = JSON.readTree(frame.substring(2));
        ids.add(event.path(2).path("id").asText());
      }
    }
    return ids;
  }

  @Override
  public void close() {
    writes.shutdownNow();
    javaClient.close();
    rawClient.close();
    writer.close();
  }
}
