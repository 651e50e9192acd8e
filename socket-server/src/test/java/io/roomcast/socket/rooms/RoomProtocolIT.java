package io.roomcast.socket.rooms;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.Received;
import io.roomcast.socket.testing.ServerWithDatabase;
import io.roomcast.socket.testing.SocketServers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** JoinRoom, LeaveRoom and Check over a real connection, including every bad input. */
class RoomProtocolIT {
  private static final int MAX_ROOMS = 3;

  @RegisterExtension
  static final ServerWithDatabase RUNNING =
      ServerWithDatabase.perClass(Map.of("MAX_ROOMS_PER_CLIENT", Integer.toString(MAX_ROOMS)));

  private JavaClient client;

  @BeforeEach
  void connect() {
    client = JavaClient.connect(SocketServers.url(RUNNING.server()), "websocket").awaitConnected();
  }

  @AfterEach
  void disconnect() {
    client.close();
  }

  private static String room() {
    return UUID.randomUUID().toString();
  }

  private void insert(String room, String json) {
    RUNNING
        .writer()
        .collection("app", "items")
        .insertOne(MongoWriter.document(UUID.fromString(room), json));
  }

  @Test
  void joinAcknowledgesEachUuidAndLeaveStopsTheEvents() {
    String a = room();
    String b = room();
    JsonNode ack = client.join(a.toUpperCase(), b);
    assertEquals(
        "{\"ok\":true,\"results\":[{\"uuid\":\""
            + a
            + "\",\"status\":\"joined\"},{\"uuid\":\""
            + b
            + "\",\"status\":\"joined\"}]}",
        ack.toString());
    insert(a, "{step: 1}");
    client.awaitEvent("step 1", e -> e.body().path("step").asInt() == 1);

    JsonNode left = client.emitWithAck("LeaveRoom", new JSONArray().put(a));
    assertEquals(
        "{\"ok\":true,\"results\":[{\"uuid\":\"" + a + "\",\"status\":\"left\"}]}",
        left.toString());
    insert(a, "{step: 2}");
    insert(b, "{fence: true}");
    client.awaitEvent("the fence in room b", e -> e.body().path("fence").asBoolean());
    assertTrue(client.events().stream().noneMatch(e -> e.body().path("step").asInt() == 2));
  }

  @Test
  void checkEchoesThePayloadAsAnEventAndThroughTheAck() throws Exception {
    JSONObject payload = new JSONObject().put("ping", 42).put("list", new JSONArray().put("x"));
    JsonNode ack = client.emitWithAck("Check", payload);
    assertEquals("{\"ping\":42,\"list\":[\"x\"]}", ack.toString());
    Received echo = client.awaitEvent("Check echo", e -> "Check".equals(e.name()));
    assertEquals(ack, echo.body());

    client.emit("Check", "no ack asked");
    client.awaitEvent(
        "second echo", e -> "Check".equals(e.name()) && "no ack asked".equals(e.body().asText()));
  }

  @Test
  void aPayloadThatIsNotAnArrayIsRejectedInTheAck() throws Exception {
    for (Object payload : new Object[] {room(), new JSONObject().put("uuid", room()), 7}) {
      JsonNode ack = client.emitWithAck("JoinRoom", payload);
      assertFalse(ack.path("ok").asBoolean(), ack.toString());
      assertTrue(
          ack.path("error").asText().startsWith("JoinRoom expects an array of UUID strings"),
          ack.toString());
      assertEquals(0, ack.path("results").size());
    }
    JsonNode leave = client.emitWithAck("LeaveRoom");
    assertEquals(
        "LeaveRoom expects an array of UUID strings, got nothing; nothing done",
        leave.path("error").asText());
  }

  @Test
  void oneBadItemRejectsTheWholeRequestAndJoinsNothing() {
    String good = room();
    JsonNode ack =
        client.emitWithAck(
            "JoinRoom", new JSONArray().put(good).put(12).put("not-a-uuid").put(new JSONObject()));
    assertFalse(ack.path("ok").asBoolean());
    assertEquals("3 of 4 items are not UUID strings; nothing done", ack.path("error").asText());
    assertEquals(
        "[\"request rejected\",\"not a string\",\"not a UUID\",\"not a string\"]", reasons(ack));
    assertEquals(12, ack.path("results").get(1).path("uuid").asInt(), "the item as given");
    String fence = room();
    client.join(fence);
    assertNotInRoom(good, fence);
  }

  /**
   * Non-ASCII digits and letters that UUID.fromString reads as hex (fullwidth {@code ３},
   * Arabic-Indic {@code ٣}, fullwidth {@code ｂ}) are not a UUID, and join neither that string nor
   * the ASCII UUID it resembles.
   */
  @Test
  void nonAsciiHexIsNotAUuid() {
    String rest = room().substring(1);
    String[][] lookalikes = {{"\uff13", "3"}, {"\u0663", "3"}, {"\uff42", "b"}};
    for (String[] lookalike : lookalikes) {
      JsonNode ack = client.join(lookalike[0] + rest);
      assertFalse(ack.path("ok").asBoolean(), ack.toString());
      assertEquals("[\"not a UUID\"]", reasons(ack));
    }
    String fence = room();
    client.join(fence);
    assertNotInRoom("3" + rest, fence);
    assertNotInRoom("b" + rest, fence);
  }

  @Test
  void joiningBeyondTheRoomLimitJoinsNothing() {
    String[] three = {room(), room(), room()};
    assertTrue(client.join(three).path("ok").asBoolean());
    assertTrue(client.join(three[0]).path("ok").asBoolean(), "rejoining counts no new room");
    String extra = room();
    JsonNode ack = client.join(extra, three[1]);
    assertFalse(ack.path("ok").asBoolean());
    assertEquals(
        "joining 1 more rooms would exceed MAX_ROOMS_PER_CLIENT=3 (this connection is in 3); nothing done",
        ack.path("error").asText());
    assertEquals("[\"room limit\",\"room limit\"]", reasons(ack));
    assertNotInRoom(extra, three[2]);
  }

  /**
   * Joins from a position and from a snapshot enter their rooms after the ack's checks, on another
   * thread: sent all at once, they must still not take the connection past its room limit, and the
   * rooms they were counted with are freed once they are over.
   */
  @Test
  void concurrentJoinsFromAPositionOrASnapshotStayWithinTheRoomLimit() {
    String first = room();
    assertTrue(client.join(first).path("ok").asBoolean());
    insert(first, "{position: true}");
    String since =
        client
            .awaitEvent("a position", e -> e.body().path("position").asBoolean())
            .meta()
            .path("id")
            .asText();
    Map<String, CompletableFuture<JsonNode>> acks = new LinkedHashMap<>();
    for (int i = 0; i < 8; i++) {
      String fromPosition = room();
      acks.put(
          fromPosition,
          client.emitWithAckAsync("JoinRoom", JavaClient.joinSincePayload(fromPosition, since)));
      String fromSnapshot = room();
      JSONObject snapshot =
          new JSONObject(Map.of("rooms", new JSONArray(List.of(fromSnapshot)), "snapshot", true));
      acks.put(fromSnapshot, client.emitWithAckAsync("JoinRoom", snapshot));
    }
    await("every ack")
        .atMost(JavaClient.TIMEOUT)
        .until(() -> acks.values().stream().allMatch(CompletableFuture::isDone));
    List<String> joined = new ArrayList<>(List.of(first));
    acks.forEach(
        (room, ack) -> {
          if (ack.join().path("ok").asBoolean()) {
            joined.add(room);
          }
        });
    assertEquals(MAX_ROOMS, joined.size(), "rooms joined: " + joined);

    assertTrue(client.emitWithAck("LeaveRoom", new JSONArray(joined)).path("ok").asBoolean());
    // A snapshot join's room counts as joining until the server follows from its snapshot, which
    // may end just after the ack.
    await("the places counted for the joins are free again")
        .atMost(JavaClient.TIMEOUT)
        .until(() -> client.join(room(), room(), room()).path("ok").asBoolean());
  }

  @Test
  void withoutAnAckTheRejectionArrivesAsAnErrorEvent() {
    client.emit("JoinRoom", "just a string");
    Received error = client.awaitEvent("error event", e -> "error".equals(e.name()));
    assertEquals("JoinRoom", error.body().path("event").asText());
    assertFalse(error.body().path("ok").asBoolean());
    assertTrue(error.body().path("error").asText().contains("expects an array"));
  }

  @Test
  void badInputChangesNothingForOtherClients() {
    String shared = room();
    try (JavaClient other =
        JavaClient.connect(SocketServers.url(RUNNING.server()), "polling").awaitConnected()) {
      other.join(shared);
      client.emit("JoinRoom", new JSONArray().put("bad"));
      client.emitWithAck("JoinRoom", new JSONObject());
      client.emitWithAck("LeaveRoom", 3);
      insert(shared, "{after: 'bad input'}");
      other.awaitEvent("change after bad input", e -> e.body().has("after"));
      assertTrue(client.connected(), "the sender of bad input stays connected");
      assertTrue(client.emitWithAck("Check", 1).asInt() == 1);
    }
  }

  /**
   * Asserts that nothing of {@code room} arrives before a change in {@code fence}, a joined room.
   */
  private void assertNotInRoom(String room, String fence) {
    insert(room, "{leak: true}");
    insert(fence, "{fence: true}");
    client.awaitEvent("the fence", e -> e.body().path("fence").asBoolean());
    assertTrue(
        client.events().stream().noneMatch(e -> e.body().path("leak").asBoolean()),
        "joined " + room);
  }

  private static String reasons(JsonNode ack) {
    StringBuilder reasons = new StringBuilder("[");
    for (JsonNode result : ack.path("results")) {
      assertEquals("rejected", result.path("status").asText());
      reasons
          .append(reasons.length() > 1 ? "," : "")
          .append('"')
          .append(result.path("reason").asText())
          .append('"');
    }
    return reasons.append(']').toString();
  }
}
