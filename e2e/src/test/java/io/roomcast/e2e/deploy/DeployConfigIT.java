package io.roomcast.e2e.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.e2e.proxy.FrontConfig;
import io.roomcast.e2e.proxy.NginxProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What can be checked of the container deployment without a Docker engine: docker-compose accepts
 * the compose file, nginx accepts the front's config, node parses the replica-set init script, and
 * each check rejects a broken copy (so a pass means something). The compose model and Dockerfiles
 * are checked in {@link ComposeFileIT} and {@link DockerfilesIT}.
 */
class DeployConfigIT {
  private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(1);
  private static final String INIT_SCRIPT = "mongo-init/init-replica-set.js";

  @TempDir Path temp;

  @Test
  void dockerComposeAcceptsTheComposeFile() {
    Path compose = ExternalTool.require("docker-compose", "docker-compose");
    ExternalTool.Result result =
        ExternalTool.run(
            List.of(compose.toString(), "-f", "docker-compose.yml", "config", "-q"),
            RepoRoot.find(),
            TOOL_TIMEOUT);
    assertTrue(result.succeeded(), "docker-compose config -q:\n" + result.output());
  }

  @Test
  void dockerComposeRejectsABrokenComposeFile() throws IOException {
    Path compose = ExternalTool.require("docker-compose", "docker-compose");
    String broken =
        Files.readString(RepoRoot.file("docker-compose.yml"))
            .replace(
                "condition: service_completed_successfully", "condition: when_it_feels_like_it");
    Files.writeString(temp.resolve("docker-compose.yml"), broken);
    ExternalTool.Result result =
        ExternalTool.run(
            List.of(compose.toString(), "-f", "docker-compose.yml", "config", "-q"),
            temp,
            TOOL_TIMEOUT);
    assertFalse(result.succeeded(), "docker-compose accepted an invalid condition");
  }

  @Test
  void nginxAcceptsTheFrontConfig() {
    Path nginx = ExternalTool.require("nginx", "nginx-light");
    FrontConfig.write(temp, 8080, temp, FrontConfig.Upstreams.of(8082, 8083, 8084), true);
    ExternalTool.Result result = NginxProcess.test(nginx, temp);
    assertTrue(result.succeeded(), "nginx -t:\n" + result.output());
    assertTrue(result.output().contains("test is successful"), result.output());
  }

  @Test
  void nginxRejectsABrokenFrontConfig() throws IOException {
    Path nginx = ExternalTool.require("nginx", "nginx-light");
    FrontConfig.write(temp, 8080, temp, FrontConfig.Upstreams.of(8082, 8083, 8084), true);
    Path server = temp.resolve("roomcast.conf");
    Files.writeString(
        server,
        Files.readString(server).replace("proxy_buffering off;", "proxy_buffering sometimes;"));
    ExternalTool.Result result = NginxProcess.test(nginx, temp);
    assertFalse(result.succeeded(), "nginx accepted a broken config:\n" + result.output());
  }

  @Test
  void nodeParsesTheReplicaSetInitScript() {
    Path node = ExternalTool.require("node", "nodejs");
    ExternalTool.Result result =
        ExternalTool.run(
            List.of(node.toString(), "--check", INIT_SCRIPT), RepoRoot.find(), TOOL_TIMEOUT);
    assertTrue(result.succeeded(), "node --check " + INIT_SCRIPT + ":\n" + result.output());
  }

  @Test
  void nodeRejectsABrokenInitScript() throws IOException {
    Path node = ExternalTool.require("node", "nodejs");
    Path broken = temp.resolve("init.js");
    // An unclosed block, as an unfinished edit leaves it.
    Files.writeString(broken, Files.readString(RepoRoot.file(INIT_SCRIPT)) + "\nif (true) {\n");
    ExternalTool.Result result =
        ExternalTool.run(
            List.of(node.toString(), "--check", broken.toString()), temp, TOOL_TIMEOUT);
    assertFalse(result.succeeded(), "node --check accepted a broken script");
  }
}
