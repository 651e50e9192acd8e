package io.roomcast.socket.lifecycle;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.socket.SocketServer;
import io.roomcast.socket.testing.Eio3PollingClient;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.SocketServers;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** close() stops the streams and the server, leaves no thread behind, and may be called twice. */
class ShutdownIT {
  private static Set<String> nonDaemonThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.isAlive() && !thread.isDaemon())
        .map(thread -> thread.getName() + "#" + thread.getId())
        .collect(Collectors.toSet());
  }

  /** Non-daemon threads that did not exist before, except the database's (it keeps running). */
  private static Set<String> threadsStartedSince(Set<String> before) {
    Set<String> started = nonDaemonThreads();
    started.removeAll(before);
    started.removeIf(name -> name.startsWith("embedded-mongo"));
    return started;
  }

  @Test
  void closeLeavesNoThreadsAndFreesThePort() throws Exception {
    try (EmbeddedMongo mongo = EmbeddedMongo.start();
        MongoWriter writer = new MongoWriter(mongo.connectionString())) {
      Set<String> before = nonDaemonThreads();
      SocketServer server =
          SocketServers.start(mongo.connectionString(), Map.of("WATCH_DATABASES", "app,other"));
      int port = server.port();
      // Real traffic first, so that every lazily started thread has started.
      UUID uuid = UUID.randomUUID();
      Eio3PollingClient client = Eio3PollingClient.connect(SocketServers.url(server));
      client.send("420[\"JoinRoom\",[\"" + uuid + "\"]]");
      client.awaitPacket("430");
      writer.collection("app", "items").insertOne(MongoWriter.document(uuid, "{}"));
      client.awaitPacket("42[\"items\"");

      server.close();
      server.close(); // idempotent

      // Netty's JVM-wide GlobalEventExecutor thread ends by itself a second after its last task.
      await("no non-daemon threads left behind")
          .atMost(Duration.ofSeconds(10))
          .pollInSameThread()
          .untilAsserted(() -> assertEquals(Set.of(), threadsStartedSince(before)));
      assertRefused(() -> new Socket("127.0.0.1", port).close());
    }
  }

  private static void assertRefused(Executable connect) {
    org.junit.jupiter.api.Assertions.assertThrows(
        ConnectException.class, connect, "port still open");
  }
}
