package io.roomcast.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.testing.FreePorts;
import io.roomcast.embedded.testing.Http;
import io.roomcast.embedded.testing.JavaProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The backend as its own process: one-line refusals of bad settings, clean stop on SIGTERM. */
class BackendMainIT {
  private static final int SIGTERM_EXIT = 143;

  private static final String MAIN = BackendMain.class.getName();

  @Test
  void aBadSettingStopsStartupWithOneLineAndExit78() throws Exception {
    JavaProcess child = JavaProcess.start(MAIN, Map.of("MAX_BODY_BYTES", "lots"));
    assertEquals(78, child.awaitExit(60), "" + child.output());
    assertEquals(
        List.of(
            "roomcast-backend: invalid MAX_BODY_BYTES='lots': expected an integer from 2 to"
                + " 16777216"),
        child.output());
  }

  @Test
  void anUnreachableDatabaseStopsStartupWithOneLine() throws Exception {
    int closedPort = FreePorts.next();
    JavaProcess child =
        JavaProcess.start(
            MAIN, Map.of("MONGODB_URI", "mongodb://127.0.0.1:" + closedPort, "BACKEND_PORT", "0"));
    // Not a configuration error (78): the settings are fine, starting failed.
    assertEquals(1, child.awaitExit(60), "" + child.output());
    assertEquals(1, child.output().size(), "" + child.output());
    assertTrue(
        child.output().get(0).startsWith("roomcast-backend: could not start: "),
        child.output().get(0));
  }

  @Test
  void anUnknownFlagStopsStartup() throws Exception {
    JavaProcess child = JavaProcess.start(MAIN, Map.of(), "--backend-prot=1");
    assertEquals(78, child.awaitExit(60), "" + child.output());
    assertTrue(child.output().get(0).startsWith("roomcast-backend: unknown flag --backend-prot"));
  }

  @Test
  void servesUntilSigtermThenStopsCleanly() throws Exception {
    try (EmbeddedMongo mongo = EmbeddedMongo.start()) {
      JavaProcess child =
          JavaProcess.start(
              MAIN,
              Map.of(
                  "MONGODB_URI", mongo.connectionString(),
                  "BACKEND_HOST", "127.0.0.1",
                  "BACKEND_PORT", "0"));
      String port =
          child
              .awaitLine("Backend listening on", Duration.ofSeconds(60))
              .replaceAll(".*http://127\\.0\\.0\\.1:(\\d+) .*", "$1");
      Http.Reply config = Http.fetch("http://127.0.0.1:" + port + "/config.json");
      assertEquals(200, config.status(), config.body());
      assertEquals(SIGTERM_EXIT, child.terminate(30), "" + child.output());
      assertTrue(
          child.output().stream().anyMatch(l -> l.contains("Backend stopped")),
          "a clean stop: " + child.output());
      assertTrue(
          child.output().stream().noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception")),
          "no stack trace: " + child.output());
    }
  }
}
