package io.roomcast.backend;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.embedded.EmbeddedMongo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The backend as its own process: one-line refusals of bad settings, clean stop on SIGTERM. */
class BackendMainIT {
  private static final int SIGTERM_EXIT = 143;

  /** A running java process with its merged output collected line by line. */
  private record Child(Process process, List<String> output, Thread reader) {
    static Child start(Map<String, String> env, String... args) throws IOException {
      List<String> command =
          new java.util.ArrayList<>(
              List.of(
                  System.getProperty("java.home") + "/bin/java",
                  // The module's own logging setup, as in production; not the test one.
                  "-Dlogback.configurationFile="
                      + BackendMain.class.getResource("/logback.xml").toExternalForm(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  BackendMain.class.getName()));
      command.addAll(List.of(args));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().putAll(env);
      Process process = builder.start();
      List<String> output = new CopyOnWriteArrayList<>();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader in =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  in.lines().forEach(output::add);
                } catch (IOException e) {
                  output.add("(output closed: " + e.getMessage() + ")");
                }
              });
      reader.setDaemon(true);
      reader.start();
      return new Child(process, output, reader);
    }

    int awaitExit() throws InterruptedException {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("did not exit: " + output);
      }
      reader.join(5_000); // the output ends when the process does
      return process.exitValue();
    }
  }

  @Test
  void aBadSettingStopsStartupWithOneLineAndExit78() throws Exception {
    Child child = Child.start(Map.of("MAX_BODY_BYTES", "lots"));
    assertEquals(78, child.awaitExit(), "" + child.output());
    assertEquals(
        List.of(
            "roomcast-backend: invalid MAX_BODY_BYTES='lots': expected an integer from 2 to"
                + " 16777216"),
        child.output());
  }

  @Test
  void anUnreachableDatabaseStopsStartupWithOneLine() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Child child =
        Child.start(
            Map.of("MONGODB_URI", "mongodb://127.0.0.1:" + closedPort, "BACKEND_PORT", "0"));
    // Not a configuration error (78): the settings are fine, starting failed.
    assertEquals(1, child.awaitExit(), "" + child.output());
    assertEquals(1, child.output().size(), "" + child.output());
    assertTrue(
        child.output().get(0).startsWith("roomcast-backend: could not start: "),
        child.output().get(0));
  }

  @Test
  void anUnknownFlagStopsStartup() throws Exception {
    Child child = Child.start(Map.of(), "--backend-prot=1");
    assertEquals(78, child.awaitExit(), "" + child.output());
    assertTrue(child.output().get(0).startsWith("roomcast-backend: unknown flag --backend-prot"));
  }

  @Test
  void servesUntilSigtermThenStopsCleanly() throws Exception {
    try (EmbeddedMongo mongo = EmbeddedMongo.start()) {
      Child child =
          Child.start(
              Map.of(
                  "MONGODB_URI", mongo.connectionString(),
                  "BACKEND_HOST", "127.0.0.1",
                  "BACKEND_PORT", "0"));
      await("the start line")
          .atMost(Duration.ofSeconds(60))
          .until(() -> child.output().stream().anyMatch(l -> l.contains("Backend listening on")));
      String port =
          child.output().stream()
              .filter(l -> l.contains("Backend listening on"))
              .findFirst()
              .orElseThrow()
              .replaceAll(".*http://127\\.0\\.0\\.1:(\\d+) .*", "$1");
      HttpResponse<String> config =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/config.json"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, config.statusCode(), config.body());
      // SIGTERM through the handle: Process.destroy() would also close our end of its output.
      child.process().toHandle().destroy();
      assertEquals(SIGTERM_EXIT, child.awaitExit(), "" + child.output());
      assertTrue(
          child.output().stream().anyMatch(l -> l.contains("Backend stopped")),
          "a clean stop: " + child.output());
      assertTrue(
          child.output().stream().noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception")),
          "no stack trace: " + child.output());
    }
  }
}
