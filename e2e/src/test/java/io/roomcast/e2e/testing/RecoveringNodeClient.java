package io.roomcast.e2e.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;

/**
 * The official socket.io-client v4 in Node ({@code src/test/node/recovering-client.cjs}) that joins
 * once and relies on connection state recovery: it records each connect's {@code socket.recovered}
 * and every change's {@code meta.id}, so that a test counts missing and duplicated changes.
 */
public final class RecoveringNodeClient implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path SCRIPT = Path.of("src/test/node/recovering-client.cjs");

  private final Process process;
  private final List<Boolean> connects = new CopyOnWriteArrayList<>();
  private final List<Integer> connectedAfter = new CopyOnWriteArrayList<>();
  private final List<String> ids = new CopyOnWriteArrayList<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();

  private RecoveringNodeClient(List<String> command) throws IOException {
    process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Thread reader = new Thread(this::readLines, "recovering-node-client");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts the client on {@code url} and waits until it has joined {@code rooms}. */
  public static RecoveringNodeClient join(String url, String transport, List<String> rooms) {
    Assumptions.assumeTrue(
        Files.isDirectory(Path.of("node_modules/socket.io-client")),
        "e2e/node_modules is missing: the build runs `npm ci` in e2e before the tests");
    try {
      RecoveringNodeClient client =
          new RecoveringNodeClient(
              List.of("node", SCRIPT.toString(), url, transport, String.join(",", rooms)));
      await("joined").atMost(Duration.ofSeconds(30)).until(() -> client.joined);
      return client;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start node", e);
    }
  }

  private volatile boolean joined;

  /** For each connect, how many changes had arrived before it (for failure messages). */
  public List<Integer> connectedAfter() {
    return List.copyOf(connectedAfter);
  }

  private void readLines() {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        JsonNode message = MAPPER.readTree(line);
        switch (message.path("kind").asText()) {
          case "connected" -> {
            connectedAfter.add(ids.size());
            connects.add(message.path("recovered").asBoolean());
          }
          case "event" -> record(message);
          case "ack" -> joined = message.path("ack").path("ok").asBoolean();
          case "connect_error" -> {} // reconnect attempts while the server is away
          default -> {}
        }
      }
    } catch (IOException e) {
      problems.add("reading the node client's output failed: " + e.getMessage());
    }
  }

  private void record(JsonNode event) {
    String id = event.path("id").asText();
    if (!id.equals(event.path("offset").asText())) {
      problems.add("offset is not meta.id: " + event);
    }
    ids.add(id);
  }

  /** socket.recovered of each connect so far, in order. */
  public List<Boolean> connects() {
    return List.copyOf(connects);
  }

  /** Every change id received, in order. */
  public List<String> ids() {
    return List.copyOf(ids);
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** The ids of {@code expected} this client did not receive. */
  public List<String> missing(Collection<String> expected) {
    Set<String> received = new HashSet<>(ids);
    List<String> missing = new ArrayList<>();
    for (String id : expected) {
      if (!received.contains(id)) {
        missing.add(id);
      }
    }
    return missing;
  }

  /** Ids received more than once. */
  public List<String> duplicates() {
    Set<String> seen = new HashSet<>();
    List<String> twice = new ArrayList<>();
    for (String id : ids) {
      if (!seen.add(id)) {
        twice.add(id);
      }
    }
    return Collections.unmodifiableList(twice);
  }

  @Override
  public void close() {
    NodeSocketClient.stop(process);
  }
}
