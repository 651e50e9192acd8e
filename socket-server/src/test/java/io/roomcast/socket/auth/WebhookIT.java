package io.roomcast.socket.auth;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.socket.SocketServer;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.SocketServers;
import io.roomcast.socket.testing.WebhookStub;
import io.roomcast.socket.testing.WebhookStub.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** ROOM_AUTH=webhook against a local webhook that answers, or is slow, down, or talks garbage. */
class WebhookIT {
  private EmbeddedMongo mongo;
  private WebhookStub webhook;
  private SocketServer server;
  private JavaClient client;

  @BeforeEach
  void start() throws Exception {
    mongo = EmbeddedMongo.start();
    webhook = WebhookStub.start();
    server =
        SocketServers.start(
            mongo.connectionString(),
            Map.of(
                "ROOM_AUTH", "webhook",
                "ROOM_AUTH_WEBHOOK_URL", webhook.url(),
                "ROOM_AUTH_WEBHOOK_TIMEOUT_MS", "500"));
    client =
        JavaClient.connectWith(
                SocketServers.url(server),
                "polling",
                o ->
                    o.setExtraHeaders(
                        Map.of(
                            "Cookie", List.of("session=abc"),
                            "Authorization", List.of("Bearer user-token"))))
            .awaitConnected();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
    webhook.close();
    mongo.close();
  }

  private static String room() {
    return UUID.randomUUID().toString();
  }

  @Test
  void theWebhookDecidesWithTheClientsHeadersAndItsAnswerIsCached() {
    String allowed = room();
    String denied = room();
    webhook.deny(Set.of(denied));
    JsonNode refused = client.join(allowed, denied);
    assertFalse(refused.path("ok").asBoolean());
    assertEquals("request rejected", refused.path("results").get(0).path("reason").asText());
    assertEquals("not authorized", refused.path("results").get(1).path("reason").asText());
    WebhookStub.Request request = webhook.requests().get(0);
    assertEquals("session=abc", request.cookie());
    assertEquals("Bearer user-token", request.authorization());
    assertEquals(2, request.body().path("rooms").size());

    assertTrue(client.join(allowed).path("ok").asBoolean());
    assertEquals(1, webhook.requests().size(), "the allowed room came from the cache");
  }

  @ParameterizedTest
  @EnumSource(
      value = Mode.class,
      names = {"SLOW", "GARBAGE", "ERROR_STATUS", "OVERSIZED"})
  void aWebhookThatFailsDeniesWithAuthUnavailable(Mode mode) {
    webhook.mode(mode);
    JsonNode refused = client.join(room());
    assertFalse(refused.path("ok").asBoolean());
    assertEquals("auth unavailable", refused.path("results").get(0).path("reason").asText());
    JsonNode echo = client.emitWithAck("Check", new JSONObject(Map.of("still", "serving")));
    assertEquals("serving", echo.path("still").asText());
  }

  @Test
  void aConnectionCannotPileUpWebhookCalls() {
    webhook.mode(Mode.SLOW);
    List<CompletableFuture<JsonNode>> acks = new ArrayList<>();
    for (int i = 0; i < RoomAuthSettings.DEFAULT_WEBHOOK_MAX_PENDING + 2; i++) {
      acks.add(client.emitWithAckAsync("JoinRoom", new JSONArray(List.of(room()))));
    }
    await("every join answered")
        .atMost(JavaClient.TIMEOUT)
        .until(() -> acks.stream().allMatch(CompletableFuture::isDone));
    for (CompletableFuture<JsonNode> ack : acks) {
      assertEquals("auth unavailable", ack.join().path("results").get(0).path("reason").asText());
    }
    assertEquals(RoomAuthSettings.DEFAULT_WEBHOOK_MAX_PENDING, webhook.requests().size());
  }

  @Test
  void aWebhookThatIsDownDeniesWithAuthUnavailable() {
    webhook.close();
    JsonNode refused = client.join(room());
    assertEquals("auth unavailable", refused.path("results").get(0).path("reason").asText());
  }

  @Test
  void whenTheAnswerEndsTheClientLeavesTheRoom() {
    // Long enough that the answer has not ended yet when the join is admitted on a busy machine.
    webhook.ttlSeconds(3);
    String room = room();
    JsonNode joined = client.join(room);
    assertTrue(joined.path("ok").asBoolean(), joined.toString());
    JsonNode expired =
        client.awaitEvent("roomcast:expired", e -> e.name().equals("roomcast:expired")).body();
    assertEquals(room, expired.path("rooms").get(0).asText());
  }
}
