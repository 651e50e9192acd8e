package io.roomcast.e2e.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;

/**
 * The official JavaScript socket.io-client (v4, or v2 for the older protocol) running in Node, via
 * {@code src/test/node/watch-rooms.cjs}, which prints one JSON line per thing it sees.
 */
public final class NodeSocketClient implements WatchingClient {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path SCRIPT = Path.of("src/test/node/watch-rooms.cjs");

  private final String version;
  private final String transport;
  private final Process process;
  private final List<ReceivedEvent> events = new CopyOnWriteArrayList<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final AtomicReference<JsonNode> joinAck = new AtomicReference<>();

  private NodeSocketClient(String url, String version, String transport, List<String> rooms)
      throws IOException {
    this.version = version;
    this.transport = transport;
    process =
        new ProcessBuilder(
                "node", SCRIPT.toString(), url, version, transport, String.join(",", rooms))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    Thread reader = new Thread(this::readLines, "node-client-" + version + "-" + transport);
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts a Node client of the given protocol version ({@code v4} or {@code v2}). */
  public static NodeSocketClient join(
      String url, String version, String transport, List<String> rooms) {
    Assumptions.assumeTrue(
        Files.isDirectory(Path.of("node_modules/socket.io-client")),
        "e2e/node_modules is missing: the build runs `npm ci` in e2e before the tests");
    try {
      return new NodeSocketClient(url, version, transport, rooms);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start node", e);
    }
  }

  private void readLines() {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        JsonNode message = MAPPER.readTree(line);
        switch (message.path("kind").asText()) {
          case "event" -> {
            JsonNode args = message.path("args");
            events.add(new ReceivedEvent(message.path("name").asText(), args.get(0), args.get(1)));
          }
          case "ack" -> joinAck.set(message.path("ack"));
          case "connect_error" -> problems.add(line);
          default -> {}
        }
      }
    } catch (IOException e) {
      problems.add("reading the node client's output failed: " + e.getMessage());
    }
  }

  @Override
  public String describe() {
    return "node-socket.io-client-"
        + version
        + "/"
        + transport
        + (problems.isEmpty() ? "" : " " + problems);
  }

  @Override
  public JsonNode joinAck() {
    return joinAck.get();
  }

  @Override
  public List<ReceivedEvent> events() {
    return List.copyOf(events);
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close(); // the script exits when its stdin closes
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
