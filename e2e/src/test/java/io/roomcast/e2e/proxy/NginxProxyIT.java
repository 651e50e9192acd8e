package io.roomcast.e2e.proxy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.e2e.deploy.Dockerfile;
import io.roomcast.e2e.deploy.ExternalTool;
import io.roomcast.e2e.deploy.RepoRoot;
import io.roomcast.e2e.testing.JavaSocketClient;
import io.roomcast.e2e.testing.ReceivedEvent;
import io.roomcast.embedded.testing.FreePorts;
import io.roomcast.embedded.testing.Http;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose demo's nginx front, for real: Debian's nginx with docker/nginx/ (only addresses
 * changed) in front of the backend and two socket-server processes on the embedded database.
 * Long-polling, WebSocket and upgrading clients join a room through it and receive an update posted
 * through it; browser origins are still checked; the images' healthchecks work. Sticky routing
 * across the two servers is {@link StickyRoutingIT}.
 */
class NginxProxyIT {
  @TempDir static Path temp;
  private static ProxiedStack stack;
  private static NginxProcess front;

  @BeforeAll
  static void start() {
    Path nginx = ExternalTool.require("nginx", "nginx-light");
    stack = ProxiedStack.start(nginx, temp);
    front = stack.startFront("front", stack.frontPort(), true);
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void servesThePageFromDiskAndTheBackendsRoutesByProxy() throws Exception {
    assertEquals("ok\n", get(front.url() + "/healthz").body());
    Http.Reply page = get(front.url() + "/");
    assertEquals(200, page.status());
    assertEquals(Files.readString(stack.pageDir().resolve("index.html")), page.body());

    Http http = new Http(front.url());
    Http.Reply config = http.get("/config.json");
    assertEquals(200, config.status(), String.valueOf(config.body()));
    assertTrue(config.json().isObject(), "config.json: " + config.body());

    // Rejected input passes through unchanged: the backend's status, not a proxy error page.
    Http.Reply rejected = http.send("POST", "/update", "{\"uuid\":\"not-a-uuid\"}");
    assertEquals(400, rejected.status(), String.valueOf(rejected.body()));

    String backend = "127.0.0.1:" + stack.backendPort();
    awaitLogged(line -> line.uri().equals("/config.json") && line.upstream().equals(backend));
    awaitLogged(line -> line.uri().equals("/") && line.upstream().equals("-"));
  }

  @Test
  void pollingAndWebSocketClientsReceiveAnUpdatePostedThroughTheProxy() throws Exception {
    String room = UUID.randomUUID().toString();
    InetAddress local = InetAddress.getByName("127.0.0.1");
    List<JavaSocketClient> clients =
        List.of(
            JavaSocketClient.join(front.url(), local, List.of("polling"), List.of(room)),
            JavaSocketClient.join(front.url(), local, List.of("websocket"), List.of(room)),
            JavaSocketClient.join(
                front.url(), local, List.of("polling", "websocket"), List.of(room)));
    try {
      for (JavaSocketClient client : clients) {
        assertTrue(
            client.awaitJoined().path("ok").asBoolean(), client.describe() + " " + client.errors());
      }
      postUpdate(room, 1);
      for (JavaSocketClient client : clients) {
        ReceivedEvent event =
            client.awaitEvent("the update of " + room, e -> room.equals(e.uuid()));
        assertEquals("test", event.name());
        assertEquals(1, event.body().path("data").path("step").asInt(), event.body().toString());
        assertEquals(List.of(), client.errors(), client.describe());
      }
    } finally {
      clients.forEach(JavaSocketClient::close);
    }
    // A WebSocket is logged when it closes, with 101: the upgrade went through the proxy.
    awaitLogged(line -> line.transport().equals("websocket") && line.status() == 101);
    String log = front.accessLogText();
    assertTrue(log.contains("/socket.io/"), log);
    assertFalse(log.contains("sid"), "no session id in the access log:\n" + log);
  }

  @Test
  void browserOriginsAreCheckedByTheSocketServersBehindTheProxy() throws Exception {
    String handshake = front.url() + "/socket.io/?EIO=4&transport=polling";
    Http.Reply allowed = get(handshake, "http://localhost:" + stack.frontPort());
    assertEquals(200, allowed.status(), allowed.body());
    assertTrue(allowed.body().startsWith("0{\"sid\""), "engine.io open packet: " + allowed.body());
    Http.Reply foreign = get(handshake, "http://elsewhere.example");
    assertEquals(403, foreign.status(), foreign.body());
  }

  @Test
  void metricsAndHealthAreNotServedThroughTheFront() throws Exception {
    for (String path : List.of("/metrics", "/health/ready", "/health/live")) {
      assertEquals(404, get(front.url() + path).status(), path);
      assertEquals(
          200,
          get("http://127.0.0.1:" + stack.backendPort() + path).status(),
          path + " on the backend itself");
    }
  }

  @Test
  void theImagesHealthchecksPassAgainstTheRunningServersAndFailWithoutThem() {
    ExternalTool.require("curl", "curl");
    for (int port : stack.socketAdminPorts()) {
      ExternalTool.Result ready =
          healthcheck("docker/socket-server.Dockerfile", "ADMIN_PORT", port);
      assertEquals(0, ready.exitCode(), ready.output());
    }
    assertEquals(
        0,
        healthcheck("docker/backend.Dockerfile", "BACKEND_PORT", stack.backendPort()).exitCode());
    int nobody = FreePorts.next();
    assertNotEquals(
        0, healthcheck("docker/socket-server.Dockerfile", "ADMIN_PORT", nobody).exitCode());
    assertNotEquals(0, healthcheck("docker/backend.Dockerfile", "BACKEND_PORT", nobody).exitCode());
  }

  /** Runs the image's HEALTHCHECK command as Docker does (sh -c), with its port variable set. */
  private static ExternalTool.Result healthcheck(String dockerfile, String portVariable, int port) {
    String instruction =
        String.join(" ", Dockerfile.read(RepoRoot.file(dockerfile)).runtime().all("HEALTHCHECK"));
    String command = instruction.substring(instruction.indexOf("CMD ") + "CMD ".length());
    return ExternalTool.run(
        List.of("sh", "-c", portVariable + "=" + port + "; " + command),
        temp,
        Duration.ofSeconds(30));
  }

  private static void postUpdate(String room, int step) {
    Http.Reply response =
        new Http(front.url())
            .send(
                "POST", "/update", "{\"uuid\":\"" + room + "\",\"data\":{\"step\":" + step + "}}");
    assertTrue(response.status() / 100 == 2, "POST /update through the proxy: " + response);
  }

  private static void awaitLogged(Predicate<AccessLogLine> condition) {
    await("access log line")
        .atMost(Duration.ofSeconds(10))
        .until(() -> front.accessLog().stream().anyMatch(condition));
  }

  private static Http.Reply get(String url) {
    return Http.fetch(url);
  }

  private static Http.Reply get(String url, String origin) {
    return new Http(url).withHeaders("GET", "", Map.of("Origin", origin), null);
  }
}
