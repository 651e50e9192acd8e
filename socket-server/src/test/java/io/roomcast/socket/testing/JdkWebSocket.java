package io.roomcast.socket.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * An Engine.IO websocket connection driven by hand (the JDK's WebSocket): sends whatever text or
 * binary frame a test asks for, records every text frame received and answers pings. For protocol
 * tests that a real Socket.IO client would never get wrong.
 */
public final class JdkWebSocket implements WebSocket.Listener, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final List<String> received = new CopyOnWriteArrayList<>();
  private final StringBuilder partial = new StringBuilder();
  private volatile boolean closed;
  private CompletableFuture<WebSocket> sending;
  private WebSocket webSocket;

  private JdkWebSocket() {}

  /** Opens {@code /socket.io/?EIO=<eio>&transport=websocket} with extra headers and waits. */
  public static JdkWebSocket open(int port, String eio, Map<String, String> headers)
      throws Exception {
    JdkWebSocket client = new JdkWebSocket();
    WebSocket.Builder builder = HTTP.newWebSocketBuilder();
    headers.forEach(builder::header);
    URI uri =
        URI.create("ws://127.0.0.1:" + port + "/socket.io/?EIO=" + eio + "&transport=websocket");
    client.webSocket =
        builder.buildAsync(uri, client).get(JavaClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    return client;
  }

  /** Opens a v4 session and waits for its Engine.IO open packet. */
  public static JdkWebSocket open(int port) throws Exception {
    JdkWebSocket client = open(port, "4", Map.of());
    client.awaitMessage("0{");
    return client;
  }

  @Override
  public void onOpen(WebSocket socket) {
    synchronized (this) {
      sending = CompletableFuture.completedFuture(socket);
    }
    socket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      String packet = partial.toString();
      partial.setLength(0);
      received.add(packet);
      if (packet.equals("2")) {
        sendText("3");
      }
    }
    socket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
    socket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
    closed = true;
    return null;
  }

  @Override
  public void onError(WebSocket socket, Throwable error) {
    closed = true;
  }

  /** Sends after the previous send completed: the JDK WebSocket refuses overlapping sends. */
  public synchronized CompletableFuture<WebSocket> sendText(String text) {
    sending = sending.thenCompose(socket -> socket.sendText(text, true));
    return sending;
  }

  public synchronized CompletableFuture<WebSocket> sendBinary(byte[] data) {
    sending = sending.thenCompose(socket -> socket.sendBinary(ByteBuffer.wrap(data), true));
    return sending;
  }

  /** Waits until every frame sent so far has been handed to the network. */
  public void flush() throws Exception {
    CompletableFuture<WebSocket> last;
    synchronized (this) {
      last = sending;
    }
    last.get(JavaClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  public List<String> received() {
    return List.copyOf(received);
  }

  /** Whether the server closed the connection (or it failed). */
  public boolean isClosed() {
    return closed;
  }

  /** Waits for a received text frame starting with the prefix and returns it. */
  public String awaitMessage(String prefix) {
    return await("websocket frame " + prefix)
        .atMost(JavaClient.TIMEOUT)
        .until(() -> find(prefix), Optional::isPresent)
        .orElseThrow();
  }

  private Optional<String> find(String prefix) {
    return received.stream().filter(m -> m.startsWith(prefix)).findFirst();
  }

  /** The sid of the Engine.IO open packet received. */
  public String sid() throws Exception {
    return JSON.readTree(awaitMessage("0{").substring(1)).path("sid").asText();
  }

  @Override
  public void close() {
    webSocket.abort();
  }
}
