package io.roomcast.e2e.deploy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The images, read from their Dockerfiles: a Maven build stage then a small runtime stage, a
 * non-root user, a healthcheck on the port the service listens on, a main class that exists, and
 * build-context sources that exist. (Building them needs a Docker engine; CI has none.)
 */
class DockerfilesIT {
  private static final Pattern MAIN_CLASS = Pattern.compile("\"(io\\.roomcast\\.[\\w.]+Main)\"");

  @ParameterizedTest
  @CsvSource({
    "backend.Dockerfile, backend, BACKEND_PORT=8082, 8082, BACKEND_PORT",
    "socket-server.Dockerfile, socket-server, SOCKET_PORT=8083 ADMIN_PORT=9083, 8083 9083, ADMIN_PORT"
  })
  void javaImagesBuildWithMavenAndRunAsNonRootWithAReadinessHealthcheck(
      String file, String module, String env, String ports, String healthPortVariable) {
    Dockerfile dockerfile = Dockerfile.read(RepoRoot.file("docker/" + file));
    Dockerfile.Stage build = dockerfile.stage("build");
    assertTrue(build.from().startsWith("maven:3.9-eclipse-temurin-17 "), build.from());
    assertTrue(
        build.all("RUN").stream()
            .anyMatch(run -> run.contains("mvn ") && run.contains("-pl " + module + " -am")),
        file + " builds only " + module + " and what it needs");
    assertTrue(Files.isDirectory(RepoRoot.find().resolve(module)), module);

    Dockerfile.Stage runtime = dockerfile.runtime();
    assertEquals("eclipse-temurin:17-jre", runtime.from());
    List<String> users = runtime.all("USER");
    assertFalse(users.isEmpty(), file + " sets a USER");
    String user = users.get(users.size() - 1);
    assertFalse(List.of("root", "0").contains(user), file + " runs as " + user);
    assertEquals(List.of(env), runtime.all("ENV"));
    assertEquals(List.of(ports), runtime.all("EXPOSE"));
    String healthcheck = String.join(" ", runtime.all("HEALTHCHECK"));
    assertTrue(
        healthcheck.contains("http://127.0.0.1:${" + healthPortVariable + "}/health/ready"),
        healthcheck);

    Matcher main = MAIN_CLASS.matcher(String.join(" ", runtime.all("ENTRYPOINT")));
    assertTrue(main.find(), file + " ENTRYPOINT names a Roomcast main class");
    assertDoesNotThrow(() -> Class.forName(main.group(1)), main.group(1) + " exists");
  }

  @ParameterizedTest
  @ValueSource(strings = {"backend.Dockerfile", "socket-server.Dockerfile", "web.Dockerfile"})
  void everyBuildContextSourceExists(String file) {
    Dockerfile dockerfile = Dockerfile.read(RepoRoot.file("docker/" + file));
    assertTrue(dockerfile.stages().size() >= 2, file + " is multi-stage");
    for (String source : dockerfile.contextSources()) {
      assertTrue(Files.exists(RepoRoot.find().resolve(source)), file + " copies missing " + source);
    }
  }

  @Test
  void frontImageServesThePageWithTheTestedNginxConfig() {
    String file = "web.Dockerfile";
    Dockerfile dockerfile = Dockerfile.read(RepoRoot.file("docker/" + file));
    Dockerfile.Stage runtime = dockerfile.runtime();
    // nginx-unprivileged runs as uid 101 and listens on 8080, matching roomcast.conf.
    assertTrue(runtime.from().startsWith("nginxinc/nginx-unprivileged:"), runtime.from());
    List<String> copies = runtime.all("COPY");
    assertTrue(
        copies.contains("docker/nginx/roomcast.conf /etc/nginx/conf.d/default.conf"),
        copies.toString());
    assertTrue(
        copies.contains("docker/nginx/upstreams.conf /etc/nginx/conf.d/00-upstreams.conf"),
        copies.toString());
    assertTrue(
        copies.stream().anyMatch(c -> c.endsWith(" /usr/share/nginx/html/")), copies.toString());
    assertFalse(runtime.all("HEALTHCHECK").isEmpty(), file + " has a HEALTHCHECK");
    assertTrue(
        dockerfile.stage("build").all("RUN").stream()
            .anyMatch(run -> run.contains("-pl web-client")),
        file + " builds the page with the web-client module");
  }
}
