package io.roomcast.socket.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomcast.socket.testing.RawWebSocket;
import java.io.IOException;
import java.util.UUID;

/**
 * A raw Engine.IO v4 websocket that speaks recovery as socket.io-client 4.6+ does: it reads the
 * {@code pid} of the CONNECT reply, takes each event's last string argument as its offset, and
 * sends both back in the CONNECT auth of its next connection.
 */
final class RecoveringSocket implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RawWebSocket socket;
  private final String pid;

  private RecoveringSocket(RawWebSocket socket, String pid) {
    this.socket = socket;
    this.pid = pid;
  }

  /** Connects with the given CONNECT auth (null: a bare {@code 40}) and reads the reply's pid. */
  static RecoveringSocket connect(int port, ObjectNode auth) throws IOException {
    RawWebSocket socket = RawWebSocket.open(port, 4, "", 0);
    socket.awaitText("0{");
    socket.sendText(auth == null ? "40" : "40" + auth);
    JsonNode reply = JSON.readTree(socket.awaitText("40").substring(2));
    return new RecoveringSocket(socket, reply.path("pid").asText(null));
  }

  /** Reconnects with {@code {pid, offset}}, as the official client does. */
  static RecoveringSocket resume(int port, String pid, String offset) throws IOException {
    return connect(port, JSON.createObjectNode().put("pid", pid).put("offset", offset));
  }

  static ObjectNode auth() {
    return JSON.createObjectNode();
  }

  /** The pid the server's CONNECT reply carried, or null. */
  String pid() {
    return pid;
  }

  void join(UUID room) throws IOException {
    socket.join(room);
  }

  /** The next event's arguments (without the event name). */
  JsonNode nextEvent() throws IOException {
    JsonNode packet = JSON.readTree(socket.awaitText("42").substring(2));
    ((com.fasterxml.jackson.databind.node.ArrayNode) packet).remove(0);
    return packet;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
