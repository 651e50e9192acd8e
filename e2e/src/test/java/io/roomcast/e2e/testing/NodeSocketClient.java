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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The official JavaScript socket.io-client (v4, or v2 for the older protocol) running in Node, via
 * {@code src/test/node/watch-rooms.cjs}, which prints one JSON line per thing it sees.
 */
public final class NodeSocketClient extends RecordingClient {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path SCRIPT = Path.of("src/test/node/watch-rooms.cjs");

  private final Process process;

  private NodeSocketClient(
      String url, String version, String transport, List<String> rooms, String token)
      throws IOException {
    super("node-socket.io-client-" + version + "/" + transport);
    List<String> command =
        new java.util.ArrayList<>(
            List.of("node", SCRIPT.toString(), url, version, transport, String.join(",", rooms)));
    if (token != null) {
      command.add(token);
    }
    process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Thread reader = new Thread(this::readLines, "node-client-" + version + "-" + transport);
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts a Node client of the given protocol version ({@code v4} or {@code v2}). */
  public static NodeSocketClient join(
      String url, String version, String transport, List<String> rooms) {
    return joinWithToken(url, version, transport, rooms, null);
  }

  /** Like {@link #join}, presenting a token (v4: handshake auth; v2: the token query parameter). */
  public static NodeSocketClient joinWithToken(
      String url, String version, String transport, List<String> rooms, String token) {
    Assumptions.assumeTrue(
        Files.isDirectory(Path.of("node_modules/socket.io-client")),
        "e2e/node_modules is missing: the build runs `npm ci` in e2e before the tests");
    try {
      return new NodeSocketClient(url, version, transport, rooms, token);
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
            recordEvent(new ReceivedEvent(message.path("name").asText(), args.get(0), args.get(1)));
          }
          case "ack" -> recordJoinAck(message.path("ack"));
          case "connect_error" -> recordError(line);
          default -> {}
        }
      }
    } catch (IOException e) {
      recordError("reading the node client's output failed: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    stop(process);
  }

  /** Ends a node client script: it exits when its stdin closes; killed if it does not. */
  static void stop(Process process) {
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
