package io.roomcast.socket.auth;

import com.corundumstudio.socketio.SocketIOClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ROOM_AUTH=webhook}: the application decides. For the rooms not already granted to the
 * connection, POST {@code {"rooms": [...]}} to {@code ROOM_AUTH_WEBHOOK_URL} with the client's
 * handshake {@code Cookie} and {@code Authorization} headers; a 200 answer {@code {"allowed":
 * [...], "ttlSeconds": n}} grants the listed rooms for n seconds (capped), cached on the
 * connection. Asynchronous with a timeout; a timeout, an error status or an answer of another shape
 * denies with {@code auth unavailable}, never allows.
 */
final class WebhookAuthorizer implements RoomAuthorizer {
  /** A longer answer is not an answer to a question about at most a few hundred rooms. */
  static final int MAX_ANSWER_BYTES = 64 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(WebhookAuthorizer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final RoomAuthSettings settings;

  WebhookAuthorizer(HttpClient http, RoomAuthSettings settings) {
    this.http = http;
    this.settings = settings;
  }

  @Override
  public CompletionStage<RoomDecision> authorize(
      SocketIOClient client, Set<String> rooms, String token) {
    ConnectionGrants grants = ConnectionGrants.of(client);
    Map<String, Instant> cached = new HashMap<>();
    Set<String> ask = new java.util.TreeSet<>();
    boolean calling;
    synchronized (grants) {
      Instant now = Instant.now();
      for (String room : rooms) {
        Instant until = grants.grantedUntil(room, now);
        if (until == null) {
          ask.add(room);
        } else {
          cached.put(room, until);
        }
      }
      calling = !ask.isEmpty() && grants.startWebhookCall(settings.webhookMaxPending());
    }
    if (ask.isEmpty()) {
      return CompletableFuture.completedFuture(new RoomDecision(cached, Map.of()));
    }
    if (!calling) {
      // A connection cannot pile up calls to the webhook: past the limit, it is told to wait.
      Map<String, String> refused = new HashMap<>();
      ask.forEach(room -> refused.put(room, RoomDecision.AUTH_UNAVAILABLE));
      return CompletableFuture.completedFuture(new RoomDecision(cached, refused));
    }
    return http.sendAsync(request(client, ask), info -> new LimitedBody(MAX_ANSWER_BYTES))
        .orTimeout(settings.webhookTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .handle(
            (response, error) -> {
              synchronized (grants) {
                grants.endWebhookCall();
              }
              return decide(client, grants, ask, cached, response, error);
            });
  }

  private HttpRequest request(SocketIOClient client, Set<String> rooms) {
    ObjectNode body = JSON.createObjectNode();
    rooms.forEach(body.putArray("rooms")::add);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(settings.webhookUrl())
            .timeout(settings.webhookTimeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    HttpHeaders handshake = client.getHandshakeData().getHttpHeaders();
    for (CharSequence name :
        new CharSequence[] {HttpHeaderNames.COOKIE, HttpHeaderNames.AUTHORIZATION}) {
      String value = handshake.get(name);
      if (value != null) {
        request.header(name.toString(), value);
      }
    }
    return request.build();
  }

  private RoomDecision decide(
      SocketIOClient client,
      ConnectionGrants grants,
      Set<String> asked,
      Map<String, Instant> cached,
      HttpResponse<byte[]> response,
      Throwable error) {
    Map<String, Instant> allowed = new HashMap<>(cached);
    Map<String, String> refused = new HashMap<>();
    Map<String, Instant> granted;
    try {
      granted = error == null ? answer(response, asked) : null;
    } catch (RuntimeException | java.io.IOException e) {
      granted = null;
      error = e;
    }
    if (granted == null) {
      LOG.warn("room webhook unavailable: {}", error == null ? "no answer" : describe(error));
      asked.forEach(room -> refused.put(room, RoomDecision.AUTH_UNAVAILABLE));
      return new RoomDecision(allowed, refused);
    }
    synchronized (grants) {
      if (!grants.addRooms(granted, Instant.now())) {
        asked.forEach(room -> refused.put(room, RoomDecision.TOO_MANY_GRANTS));
        return new RoomDecision(allowed, refused);
      }
    }
    for (String room : asked) {
      if (granted.containsKey(room)) {
        allowed.put(room, granted.get(room));
      } else {
        refused.put(room, RoomDecision.NOT_AUTHORIZED);
      }
    }
    LOG.debug(
        "webhook for session {}: {} of {} allowed",
        client.getSessionId(),
        granted.size(),
        asked.size());
    return new RoomDecision(allowed, refused);
  }

  /** The rooms granted by a 200 answer, each until now + ttl; throws on any other answer. */
  private Map<String, Instant> answer(HttpResponse<byte[]> response, Set<String> asked)
      throws java.io.IOException {
    if (response.statusCode() != 200) {
      throw new java.io.IOException("status " + response.statusCode());
    }
    JsonNode answer = JSON.readTree(response.body());
    JsonNode list = answer == null ? null : answer.get("allowed");
    JsonNode ttl = answer == null ? null : answer.get("ttlSeconds");
    if (list == null
        || !list.isArray()
        || ttl == null
        || !ttl.isIntegralNumber()
        || ttl.asLong() < 0) {
      throw new java.io.IOException("answer is not {\"allowed\": [...], \"ttlSeconds\": n}");
    }
    long seconds = Math.min(ttl.asLong(), settings.webhookMaxTtl().toSeconds());
    Instant until = Instant.now().plus(Duration.ofSeconds(seconds));
    Map<String, Instant> granted = new HashMap<>();
    for (JsonNode item : list) {
      if (!item.isTextual()) {
        throw new java.io.IOException("allowed holds a non-string");
      }
      io.roomcast.common.uuid.Uuids.parse(item.asText())
          .map(io.roomcast.common.uuid.Uuids::roomName)
          .filter(asked::contains)
          .ifPresent(room -> granted.put(room, until));
    }
    return seconds == 0 ? Map.of() : granted;
  }

  private static String describe(Throwable error) {
    Throwable cause =
        error instanceof java.util.concurrent.CompletionException && error.getCause() != null
            ? error.getCause()
            : error;
    return cause instanceof java.util.concurrent.TimeoutException
            || cause instanceof java.net.http.HttpTimeoutException
        ? "no answer within the timeout"
        : cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
