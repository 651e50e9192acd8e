package io.roomcast.socket.auth;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.socket.SocketServer;
import io.roomcast.socket.testing.Eio3PollingClient;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.SocketServers;
import io.roomcast.socket.testing.TestTokens;
import io.socket.client.SocketOptionBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ROOM_AUTH=jwt at the handshake, with socket.io-client-java on both transports: a token in any of
 * the four places connects and grants exactly its rooms; no token or a bad one is refused with
 * {@code {"message":"unauthorized","data":{"reason":...}}} and joins nothing.
 */
class JwtHandshakeIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static EmbeddedMongo mongo;
  private static SocketServer server;

  @BeforeAll
  static void start() {
    mongo = EmbeddedMongo.start();
    server = SocketServers.start(mongo.connectionString(), TestTokens.SERVER_SETTINGS);
  }

  @AfterAll
  static void stop() {
    server.close();
    mongo.close();
  }

  static List<Arguments> placesOnBothTransports() {
    List<Arguments> cases = new java.util.ArrayList<>();
    for (String transport : List.of("websocket", "polling")) {
      for (String place : List.of("auth", "query", "cookie", "bearer")) {
        cases.add(Arguments.of(transport, place));
      }
    }
    return cases;
  }

  private static Consumer<SocketOptionBuilder> presenting(String place, String token) {
    return switch (place) {
      case "auth" -> options -> options.setAuth(Map.of("token", token));
      case "query" -> options -> options.setQuery("token=" + token);
      case "cookie" ->
          options ->
              options.setExtraHeaders(
                  Map.of("Cookie", List.of("other=1; roomcast_token=" + token)));
      default ->
          options -> options.setExtraHeaders(Map.of("Authorization", List.of("Bearer " + token)));
    };
  }

  @ParameterizedTest(name = "token in {1} over {0}")
  @MethodSource("placesOnBothTransports")
  void aTokenConnectsAndGrantsExactlyItsRooms(String transport, String place) {
    String granted = UUID.randomUUID().toString();
    String other = UUID.randomUUID().toString();
    try (JavaClient client =
        JavaClient.connectWith(
                SocketServers.url(server),
                transport,
                presenting(place, TestTokens.granting(granted)))
            .awaitConnected()) {
      JsonNode refused = client.join(granted, other);
      assertFalse(refused.path("ok").asBoolean(), refused.toString());
      assertEquals("request rejected", refused.path("results").get(0).path("reason").asText());
      assertEquals("not authorized", refused.path("results").get(1).path("reason").asText());
      assertTrue(client.join(granted).path("ok").asBoolean());
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"none", "garbage", "expired", "wrong-signature", "websocket-none"})
  void aMissingOrBadTokenIsRefusedAtTheHandshake(String kind) throws Exception {
    String room = UUID.randomUUID().toString();
    String token =
        switch (kind) {
          case "garbage" -> "not.a.token";
          case "expired" -> TestTokens.granting(Duration.ofMinutes(-1), room);
          case "wrong-signature" -> {
            String valid = TestTokens.granting(room);
            yield valid.substring(0, valid.length() - 4) + "AAAA";
          }
          default -> null;
        };
    String transport = kind.startsWith("websocket") ? "websocket" : "polling";
    Consumer<SocketOptionBuilder> options = token == null ? o -> {} : presenting("auth", token);
    try (JavaClient client =
        JavaClient.connectWith(SocketServers.url(server), transport, options)) {
      await("connect_error")
          .atMost(JavaClient.TIMEOUT)
          .until(() -> !client.connectErrors().isEmpty());
      JsonNode error = JSON.readTree(client.connectErrors().get(0)).get(0);
      assertEquals("unauthorized", error.path("message").asText(), error.toString());
      String reason = error.path("data").path("reason").asText();
      String expected =
          switch (kind) {
            case "expired" -> "expired token";
            case "garbage", "wrong-signature" -> "invalid token";
            default -> "no token";
          };
      assertEquals(expected, reason);
      assertFalse(client.connected());
    }
  }

  @Test
  void aV2ClientWithoutATokenGetsAnErrorPacket() throws Exception {
    Eio3PollingClient client = Eio3PollingClient.handshake(SocketServers.url(server), "");
    String error = client.awaitPacket("44");
    JsonNode body = JSON.readTree(error.substring(2));
    assertEquals("unauthorized", body.path("message").asText());
    assertEquals("no token", body.path("data").path("reason").asText());
  }

  @Test
  void aV2ClientWithAQueryTokenJoinsItsRoom() throws Exception {
    String room = UUID.randomUUID().toString();
    Eio3PollingClient client =
        Eio3PollingClient.connect(SocketServers.url(server), "token=" + TestTokens.granting(room));
    client.send("420[\"JoinRoom\",[\"" + room + "\"]]");
    JsonNode ack = Eio3PollingClient.arguments(client.awaitPacket("430")).get(0);
    assertTrue(ack.path("ok").asBoolean(), ack.toString());
  }
}
