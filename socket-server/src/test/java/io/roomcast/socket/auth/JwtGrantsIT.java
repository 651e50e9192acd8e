package io.roomcast.socket.auth;

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
import io.roomcast.socket.testing.TestTokens;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Grants after the handshake: JoinRoom's own token, Authenticate, and a grant ending. */
class JwtGrantsIT {
  private static final int MAX_GRANTED = 5;

  @RegisterExtension
  static final ServerWithDatabase RUNNING = ServerWithDatabase.perClass(settings());

  private static Map<String, String> settings() {
    Map<String, String> settings = new HashMap<>(TestTokens.SERVER_SETTINGS);
    settings.put("ROOM_AUTH_MAX_GRANTED_ROOMS", Integer.toString(MAX_GRANTED));
    return settings;
  }

  private static String room() {
    return UUID.randomUUID().toString();
  }

  private static JavaClient connect(String token, String transport) {
    return JavaClient.connectWith(
            SocketServers.url(RUNNING.server()), transport, o -> o.setAuth(Map.of("token", token)))
        .awaitConnected();
  }

  private static void insert(String room, int step) {
    RUNNING
        .writer()
        .collection("app", "items")
        .insertOne(MongoWriter.document(UUID.fromString(room), "{step: " + step + "}"));
  }

  private static JSONObject joinWithToken(String token, String... rooms) {
    return new JSONObject(Map.of("rooms", new JSONArray(List.of(rooms)), "token", token));
  }

  @Test
  void joinRoomMayCarryATokenThatAddsGrants() {
    String first = room();
    String second = room();
    try (JavaClient client = connect(TestTokens.granting(first), "websocket")) {
      JsonNode refused = client.emitWithAck("JoinRoom", joinWithToken("garbage", second));
      assertEquals("invalid token", refused.path("results").get(0).path("reason").asText());
      JsonNode joined =
          client.emitWithAck("JoinRoom", joinWithToken(TestTokens.granting(second), first, second));
      assertTrue(joined.path("ok").asBoolean(), joined.toString());
      JsonNode badToken =
          client.emitWithAck(
              "JoinRoom",
              new JSONObject(Map.of("rooms", new JSONArray(List.of(first)), "token", 7)));
      assertFalse(badToken.path("ok").asBoolean());
    }
  }

  @Test
  void authenticateRefreshesGrantsAndRefusesBadTokens() {
    String room = room();
    try (JavaClient client = connect(TestTokens.granting(room()), "polling")) {
      assertFalse(client.join(room).path("ok").asBoolean());
      JsonNode refused =
          client.emitWithAck("Authenticate", new JSONObject(Map.of("token", "x.y.z")));
      assertFalse(refused.path("ok").asBoolean());
      assertEquals("unauthorized", refused.path("error").asText());
      assertEquals("invalid token", refused.path("reason").asText());
      JsonNode ok =
          client.emitWithAck(
              "Authenticate", new JSONObject(Map.of("token", TestTokens.granting(room))));
      assertTrue(ok.path("ok").asBoolean(), ok.toString());
      assertTrue(client.join(room).path("ok").asBoolean());
    }
  }

  @Test
  void grantsForMoreRoomsThanTheLimitAreRefused() {
    String[] six = {room(), room(), room(), room(), room(), room()};
    try (JavaClient client = connect(TestTokens.granting(six[0]), "websocket")) {
      JsonNode refused =
          client.emitWithAck(
              "Authenticate", new JSONObject(Map.of("token", TestTokens.granting(six))));
      assertEquals("invalid token", refused.path("reason").asText(), "over the token limit");
      String[] four = {six[1], six[2], six[3], six[4]};
      assertTrue(
          client
              .emitWithAck(
                  "Authenticate", new JSONObject(Map.of("token", TestTokens.granting(four))))
              .path("ok")
              .asBoolean());
      JsonNode overConnection =
          client.emitWithAck(
              "Authenticate", new JSONObject(Map.of("token", TestTokens.granting(six[5]))));
      assertEquals("too many granted rooms", overConnection.path("reason").asText());
    }
  }

  @Test
  void whenAGrantEndsTheClientLeavesItsRoomsAndIsTold() {
    String shortLived = room();
    String longLived = room();
    try (JavaClient client =
        connect(TestTokens.granting(Duration.ofSeconds(3), shortLived), "websocket")) {
      client.emitWithAck(
          "Authenticate", new JSONObject(Map.of("token", TestTokens.granting(longLived))));
      assertTrue(client.join(shortLived, longLived).path("ok").asBoolean());
      insert(shortLived, 1);
      client.awaitEvent("step 1", e -> e.body().path("step").asInt() == 1);
      Received expired =
          client.awaitEvent("roomcast:expired", e -> e.name().equals("roomcast:expired"));
      assertEquals("{\"rooms\":[\"" + shortLived + "\"]}", expired.body().toString());
      insert(shortLived, 2);
      insert(longLived, 3);
      client.awaitEvent(
          "step 3 in the room still granted", e -> e.body().path("step").asInt() == 3);
      assertTrue(client.events().stream().noneMatch(e -> e.body().path("step").asInt() == 2));
      assertFalse(client.join(shortLived).path("ok").asBoolean(), "the ended grant is gone");
      client.emitWithAck(
          "Authenticate", new JSONObject(Map.of("token", TestTokens.granting(shortLived))));
      assertTrue(client.join(shortLived).path("ok").asBoolean(), "rejoins with a new token");
    }
  }

  @Test
  void anAuthenticateRefreshBeforeTheEndKeepsTheClientInItsRoom() {
    String room = room();
    try (JavaClient client =
        connect(TestTokens.granting(Duration.ofSeconds(2), room), "websocket")) {
      assertTrue(client.join(room).path("ok").asBoolean());
      client.emitWithAck(
          "Authenticate", new JSONObject(Map.of("token", TestTokens.granting(room))));
      await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(5))
          .until(
              () -> client.events().stream().noneMatch(e -> e.name().equals("roomcast:expired")));
      insert(room, 4);
      client.awaitEvent("step 4", e -> e.body().path("step").asInt() == 4);
    }
  }
}
