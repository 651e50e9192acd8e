package io.roomcast.e2e.deploy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
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

  @ParameterizedTest
  @CsvSource({
    "backend.Dockerfile, backend, BACKEND_PORT=8082, 8082, BACKEND_PORT, 17",
    // 25: generational ZGC (docs/performance.md#fan-out-hot-path)
    "socket-server.Dockerfile, socket-server, SOCKET_PORT=8083 ADMIN_PORT=9083, 8083 9083, ADMIN_PORT,"
        + " 25"
  })
  void javaImagesBuildWithMavenAndRunAsNonRootWithAReadinessHealthcheck(
      String file,
      String module,
      String env,
      String ports,
      String healthPortVariable,
      int runtimeJava) {
    Dockerfile dockerfile = Dockerfile.read(RepoRoot.file("docker/" + file));
    Dockerfile.Stage build = dockerfile.stage("build");
    assertTrue(build.from().startsWith("maven:3.9-eclipse-temurin-17 "), build.from());
    assertTrue(
        build.all("RUN").stream()
            .anyMatch(run -> run.contains("mvn ") && run.contains("-pl " + module + " -am")),
        file + " builds only " + module + " and what it needs");
    assertTrue(Files.isDirectory(RepoRoot.find().resolve(module)), module);

    Dockerfile.Stage runtime = dockerfile.runtime();
    assertEquals("eclipse-temurin:" + runtimeJava + "-jre", runtime.from());
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

    // java -jar on the jar the module's build produces, whose manifest names an existing main
    // class and a Class-Path of jars in target/lib/ (what the image copies to /app/lib/).
    String jar = "roomcast-" + module + "-app.jar";
    assertTrue(
        String.join(" ", runtime.all("ENTRYPOINT")).contains("\"-jar\", \"/app/" + jar + "\""),
        file + " ENTRYPOINT runs /app/" + jar);
    Path built = RepoRoot.find().resolve(module).resolve("target").resolve(jar);
    Manifest manifest = manifest(built);
    String main = manifest.getMainAttributes().getValue("Main-Class");
    assertDoesNotThrow(() -> Class.forName(main), main + " exists");
    for (String entry : manifest.getMainAttributes().getValue("Class-Path").split(" ")) {
      assertTrue(Files.isRegularFile(built.resolveSibling(entry)), jar + " needs " + entry);
    }
  }

  private static Manifest manifest(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.getManifest();
    } catch (IOException e) {
      throw new AssertionError(jar + " not built (the reactor packages it before e2e)", e);
    }
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
