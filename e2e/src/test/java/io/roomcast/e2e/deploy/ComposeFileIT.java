package io.roomcast.e2e.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomcast.backend.BackendConfig;
import io.roomcast.common.config.Settings;
import io.roomcast.socket.config.SocketServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compose demo's wiring, read from what docker-compose resolves: start order through healthy
 * and completed dependencies, a healthcheck behind every "healthy" condition, named volumes for the
 * database, and service settings that the real config classes accept.
 */
class ComposeFileIT {
  private static final List<String> MONGOS = List.of("mongo1", "mongo2", "mongo3");
  private static final List<String> SOCKET_SERVERS = List.of("socket-server-1", "socket-server-2");
  private static final String FRONT_ORIGIN = "http://localhost:8080";
  private static ComposeModel compose;

  @BeforeAll
  static void resolveComposeFile() {
    Path dockerCompose = ExternalTool.require("docker-compose", "docker-compose");
    compose = ComposeModel.load(dockerCompose, RepoRoot.find());
  }

  @Test
  void hasTheDemoServices() {
    assertEquals(
        Set.of(
            "mongo1",
            "mongo2",
            "mongo3",
            "mongo-init",
            "backend",
            "socket-server-1",
            "socket-server-2",
            "front",
            "prometheus",
            "grafana"),
        Set.copyOf(compose.serviceNames()));
  }

  @Test
  void observeProfileAddsPrometheusAndGrafanaWithTheRepositorysFiles() {
    for (String service : List.of("prometheus", "grafana")) {
      assertEquals("[\"observe\"]", compose.service(service).path("profiles").toString(), service);
      for (ComposeModel.Mount mount : compose.mounts(service)) {
        assertTrue(Files.exists(Path.of(mount.source())), service + " mounts " + mount.source());
      }
    }
    for (String socket : SOCKET_SERVERS) {
      assertEquals("9083", compose.env(socket, "ADMIN_PORT"), socket);
    }
  }

  @Test
  void mongoMembersFormOneReplicaSetOnNamedVolumes() {
    for (String mongo : MONGOS) {
      JsonNode service = compose.service(mongo);
      assertTrue(service.path("image").asText().startsWith("mongo:8"), mongo + " image");
      String command = service.path("command").toString();
      assertTrue(command.contains("\"--replSet\",\"rs0\""), mongo + " command " + command);
      assertTrue(command.contains("--bind_ip_all"), mongo + " command " + command);
      ComposeModel.Mount data = compose.mounts(mongo).get(0);
      assertTrue(compose.volumeNames().contains(data.source()), mongo + " data on a named volume");
      assertEquals("/data/db", data.target());
    }
  }

  @Test
  void initRunsOnceAfterTheMembersAreHealthyAndTheAppWaitsForIt() {
    assertDependsOn("mongo-init", MONGOS, "service_healthy");
    JsonNode init = compose.service("mongo-init");
    assertEquals("no", init.path("restart").asText());
    ComposeModel.Mount scripts = compose.mounts("mongo-init").get(0);
    assertEquals(RepoRoot.find().resolve("mongo-init"), Path.of(scripts.source()).normalize());
    assertEquals("/mongo-init", scripts.target());
    String entrypoint = init.path("entrypoint").toString();
    Matcher script = Pattern.compile("/mongo-init/([\\w.-]+\\.js)").matcher(entrypoint);
    assertTrue(script.find(), "mongo-init runs a script: " + entrypoint);
    assertTrue(Files.isRegularFile(RepoRoot.find().resolve("mongo-init").resolve(script.group(1))));
    for (String app : List.of("backend", "socket-server-1", "socket-server-2")) {
      assertDependsOn(app, List.of("mongo-init"), "service_completed_successfully");
    }
    assertDependsOn(
        "front", List.of("backend", "socket-server-1", "socket-server-2"), "service_healthy");
    assertEquals(8080, compose.service("front").path("ports").path(0).path("published").asInt());
  }

  @Test
  void everyHealthyConditionHasAHealthcheck() {
    for (String name : compose.serviceNames()) {
      compose
          .service(name)
          .path("depends_on")
          .fields()
          .forEachRemaining(
              dependency -> {
                if ("service_healthy".equals(dependency.getValue().path("condition").asText())) {
                  assertTrue(
                      hasHealthcheck(dependency.getKey()),
                      name
                          + " waits for "
                          + dependency.getKey()
                          + " to be healthy, which has no healthcheck");
                }
              });
    }
  }

  @Test
  void servicesConnectToTheReplicaSetAndAcceptTheFrontOrigin() {
    for (String app : List.of("backend", "socket-server-1", "socket-server-2")) {
      String uri = compose.env(app, "MONGODB_URI");
      assertTrue(uri.contains("replicaSet=rs0"), app + " MONGODB_URI " + uri);
      MONGOS.forEach(m -> assertTrue(uri.contains(m + ":27017"), app + " MONGODB_URI " + uri));
    }
    for (String socket : SOCKET_SERVERS) {
      assertTrue(compose.env(socket, "ALLOWED_ORIGINS").contains(FRONT_ORIGIN));
      SocketServerConfig.from(Settings.from(environment(socket))); // throws on a bad value
    }
    assertEquals("/", compose.env("backend", "PUBLIC_SOCKET_URL"));
    assertTrue(compose.env("backend", "CORS_ORIGINS").contains(FRONT_ORIGIN));
    BackendConfig.from(Settings.from(environment("backend")));
  }

  @Test
  void frontUpstreamsNameComposeServicesOnTheirPorts() throws Exception {
    String upstreams = Files.readString(RepoRoot.file("docker/nginx/upstreams.conf"));
    Matcher server = Pattern.compile("server\\s+([\\w.-]+):(\\d+)([^;]*);").matcher(upstreams);
    Map<String, String> portVariable = Map.of("backend", "BACKEND_PORT");
    Set<String> services = new HashSet<>();
    while (server.find()) {
      String service = server.group(1);
      String variable = portVariable.getOrDefault(service, "SOCKET_PORT");
      assertEquals(
          compose.env(service, variable), server.group(2), service + " port in upstreams.conf");
      services.add(service);
    }
    assertEquals(
        Set.of("backend", "socket-server-1", "socket-server-2"),
        services,
        "backend and two socket servers in upstreams.conf");
  }

  /**
   * Each socket server's sids start with its NODE_ID in two hex digits; the front's map must send
   * those to an upstream holding that server alone.
   */
  @Test
  void frontRoutesEachNodesSidsToThatNode() throws Exception {
    String upstreams = Files.readString(RepoRoot.file("docker/nginx/upstreams.conf"));
    Set<String> nodeIds = new HashSet<>();
    for (String socket : SOCKET_SERVERS) {
      String node = String.format("%02x", Integer.parseInt(compose.env(socket, "NODE_ID")));
      assertTrue(nodeIds.add(node), socket + " shares NODE_ID " + node);
      Matcher mapped = Pattern.compile("\\n\\s+" + node + "\\s+(\\w+);").matcher(upstreams);
      assertTrue(mapped.find(), "upstreams.conf maps no sid node " + node + " (" + socket + ")");
      Matcher upstream =
          Pattern.compile("upstream " + mapped.group(1) + " \\{\\s+server ([\\w.-]+):")
              .matcher(upstreams);
      assertTrue(
          upstream.find(), "upstreams.conf has no single-server upstream " + mapped.group(1));
      assertEquals(socket, upstream.group(1), "upstream for the sids of node " + node);
    }
  }

  private static Map<String, String> environment(String service) {
    Map<String, String> env = new HashMap<>();
    compose
        .service(service)
        .path("environment")
        .fields()
        .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    return env;
  }

  private static boolean hasHealthcheck(String service) {
    JsonNode node = compose.service(service);
    if (node.has("healthcheck")) {
      return !node.path("healthcheck").path("disable").asBoolean(false);
    }
    JsonNode build = node.path("build");
    if (build.isMissingNode()) {
      return false;
    }
    Path dockerfile =
        Path.of(build.path("context").asText()).resolve(build.path("dockerfile").asText());
    return !Dockerfile.read(dockerfile).runtime().all("HEALTHCHECK").isEmpty();
  }

  private static void assertDependsOn(String service, List<String> dependencies, String condition) {
    JsonNode dependsOn = compose.service(service).path("depends_on");
    for (String dependency : dependencies) {
      assertEquals(
          condition,
          dependsOn.path(dependency).path("condition").asText(),
          service + " depends on " + dependency);
    }
  }
}
