package io.roomcast.socket.admin;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.testing.Http;
import io.roomcast.socket.SocketServer;
import io.roomcast.socket.testing.SocketServers;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The admin port's probes: live and ready while the stream is open; ready turns 503 naming the
 * stream when the database goes away; other paths and methods are refused; the Socket.IO port does
 * not serve any of it.
 */
class HealthIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void readyWhileTheStreamIsOpenAnd503NamingItOnceTheDatabaseIsGone() throws Exception {
    EmbeddedMongo mongo = EmbeddedMongo.start();
    try (SocketServer server =
        SocketServers.start(mongo.connectionString(), Map.of("READY_MAX_LAG", "1"))) {
      String admin = SocketServers.adminUrl(server);
      Http.Reply live = Http.fetch(admin + "/health/live");
      assertEquals(200, live.status());
      assertEquals("application/json", live.contentType());
      Http.Reply ready = Http.fetch(admin + "/health/ready");
      assertEquals(200, ready.status(), ready.body());
      JsonNode checks = JSON.readTree(ready.body()).path("checks");
      assertEquals("stream app", checks.path(1).path("name").asText(), ready.body());
      assertTrue(checks.path(1).path("ok").asBoolean(), ready.body());

      mongo.close();
      Http.Reply notReady =
          await("not ready without the database")
              .atMost(Duration.ofSeconds(30))
              .until(() -> Http.fetch(admin + "/health/ready"), reply -> reply.status() == 503);
      JsonNode body = JSON.readTree(notReady.body());
      assertEquals("unavailable", body.path("status").asText());
      assertEquals("[\"stream app\"]", body.path("failed").toString(), notReady.body());
      assertEquals(200, Http.fetch(admin + "/health/live").status(), "still alive");
    } finally {
      mongo.close();
    }
  }

  @Test
  void otherPathsAndMethodsAreRefusedAndTheSocketPortServesNoneOfIt() throws Exception {
    try (EmbeddedMongo mongo = EmbeddedMongo.start();
        SocketServer server = SocketServers.start(mongo.connectionString())) {
      String admin = SocketServers.adminUrl(server);
      assertEquals(404, Http.fetch(admin + "/health/readyz").status());
      assertEquals(404, Http.fetch(admin + "/").status());
      Http.Reply post = new Http(admin).send("POST", "/metrics", "text/plain", new byte[] {'x'});
      assertEquals(405, post.status());
      for (String path : new String[] {"/metrics", "/health/ready", "/health/live"}) {
        assertTrue(notServed(SocketServers.url(server) + path), path + " on the Socket.IO port");
      }
    }
  }

  private static boolean notServed(String url) {
    try {
      return Http.fetch(url).status() != 200;
    } catch (UncheckedIOException e) {
      return true; // the connection was closed without an answer
    }
  }
}
