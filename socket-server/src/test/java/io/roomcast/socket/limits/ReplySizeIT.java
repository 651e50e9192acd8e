package io.roomcast.socket.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.Received;
import io.roomcast.socket.testing.ServerWithDatabase;
import io.roomcast.socket.testing.SocketServers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Replies never amplify: a rejection is at most the request's size plus a small constant. */
class ReplySizeIT {
  /** Room for the error text and ten truncated results. */
  private static final int CONSTANT = 2048;

  @RegisterExtension
  static final ServerWithDatabase RUNNING = ServerWithDatabase.perClass(Map.of());

  private JavaClient client;

  @BeforeEach
  void connect() {
    client = JavaClient.connect(SocketServers.url(RUNNING.server()), "websocket").awaitConnected();
  }

  @AfterEach
  void disconnect() {
    client.close();
  }

  @Test
  void manyLongInvalidItemsAreEchoedTruncated() {
    assertRejectionBounded(items(40, "x".repeat(1500)));
  }

  @Test
  void manyTinyItemsAreNotEchoedOneByOne() {
    JSONArray ones = new JSONArray();
    for (int i = 0; i < 20_000; i++) {
      ones.put(1);
    }
    JsonNode reply = assertRejectionBounded(ones);
    assertEquals(10, reply.path("results").size());
    assertEquals(19_990, reply.path("omitted").asInt());
  }

  @Test
  void objectItemsAreEchoedTruncated() throws Exception {
    JSONArray objects = new JSONArray();
    for (int i = 0; i < 20; i++) {
      objects.put(new JSONObject().put("a", "y".repeat(2000)));
    }
    JsonNode reply = assertRejectionBounded(objects);
    String echoed = reply.path("results").get(0).path("uuid").asText();
    assertTrue(echoed.endsWith("…") && echoed.length() == 65, echoed);
  }

  @Test
  void aJoinOverTheRoomLimitListsAtMostTenRooms() {
    JSONArray rooms = new JSONArray();
    for (int i = 0; i < 1500; i++) {
      rooms.put(UUID.randomUUID().toString());
    }
    JsonNode reply = assertRejectionBounded(rooms);
    assertEquals("room limit", reply.path("results").get(0).path("reason").asText());
  }

  @Test
  void theErrorEventIsBoundedToo() {
    JSONArray request = items(40, "z".repeat(1500));
    client.emit("JoinRoom", request);
    Received error = client.awaitEvent("error event", e -> "error".equals(e.name()));
    assertTrue(error.body().toString().length() <= request.toString().length() + CONSTANT);
    assertTrue(error.body().toString().length() <= CONSTANT, error.body().toString());
  }

  @Test
  void checkEchoesSmallPayloadsAndRefusesLargeOnes() {
    assertEquals("small", client.emitWithAck("Check", "small").asText());
    String large = "c".repeat(10_000);
    JsonNode reply = client.emitWithAck("Check", large);
    assertFalse(reply.path("ok").asBoolean(true), reply.toString());
    assertTrue(reply.toString().length() <= CONSTANT, reply.toString());
    client.emit("Check", "after"); // its echo comes after any echo of the large one
    client.awaitEvent("echo of a later Check", e -> "after".equals(e.body().asText()));
    assertTrue(client.events().stream().noneMatch(e -> isLargeEcho(e, large)));
  }

  private static boolean isLargeEcho(Received event, String large) {
    return "Check".equals(event.name()) && large.equals(event.body().asText());
  }

  private JsonNode assertRejectionBounded(JSONArray request) {
    JsonNode reply = client.emitWithAck("JoinRoom", request);
    assertFalse(reply.path("ok").asBoolean(true), reply.toString());
    int requestSize = request.toString().length();
    int replySize = reply.toString().length();
    assertTrue(
        replySize <= requestSize + CONSTANT, "reply " + replySize + " for request " + requestSize);
    assertTrue(replySize <= CONSTANT, "bounded whatever the request: " + replySize);
    return reply;
  }

  private static JSONArray items(int count, String item) {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      items.add(item);
    }
    return new JSONArray(items);
  }
}
