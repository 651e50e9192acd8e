package io.roomcast.socket.recovery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import io.roomcast.socket.testing.ServerWithDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Recovery as a raw v4 client sees it: a pid in the CONNECT reply, the change id as each event's
 * last argument, the same pid and the rooms back on a reconnect with {@code {pid, offset}}; a
 * forged, altered, foreign or expired pid gets a fresh session and nothing of the old one.
 */
class ConnectionRecoveryIT {
  static final String SECRET = "recovery-tests-secret-of-at-least-32-bytes";

  @RegisterExtension
  static final ServerWithDatabase SERVER =
      ServerWithDatabase.perClass(Map.of("RECOVERY_SECRET", SECRET, "RECOVERY_TTL_SECONDS", "5"));

  @Test
  void eventsCarryTheirIdLastAndAReconnectGetsItsPidAndRoomsBack() throws Exception {
    UUID room = UUID.randomUUID();
    String pid;
    String offset;
    try (RecoveringSocket first =
        RecoveringSocket.connect(SERVER.port(), RecoveringSocket.auth())) {
      pid = first.pid();
      assertNotNull(pid, "the CONNECT reply carries a pid");
      first.join(room);
      awaitRecord(room);
      insert(room, 1);
      JsonNode args = first.nextEvent();
      assertEquals(3, args.size(), "body, meta, offset: " + args);
      offset = args.get(2).asText();
      assertEquals(args.get(1).path("id").asText(), offset, "the offset is meta.id");
    }
    try (RecoveringSocket again = RecoveringSocket.resume(SERVER.port(), pid, offset)) {
      assertEquals(pid, again.pid(), "a recovered session keeps its pid (socket.recovered)");
      insert(room, 2);
      assertEquals(2, again.nextEvent().get(0).path("n").asInt(), "back in its room unasked");
    }
  }

  @Test
  void aForgedAlteredForeignOrExpiredPidGetsAFreshSessionAndNoRooms() throws Exception {
    UUID room = UUID.randomUUID();
    Session session = firstSession(room);
    String pid = session.pid();
    String offset = session.offset();
    String sessionId =
        new RecoveryTokens(secret(), Duration.ofMinutes(1), Clock.systemUTC()).check(pid)
                instanceof RecoveryTokens.Valid valid
            ? valid.sessionId()
            : null;
    assertNotNull(sessionId);
    String[] parts = pid.split("\\.");
    String altered =
        parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
    String foreign =
        new RecoveryTokens(
                "another-secret-of-at-least-32-bytes-long".getBytes(StandardCharsets.UTF_8),
                Duration.ofMinutes(1),
                Clock.systemUTC())
            .issue()
            .pid();
    String expired =
        new RecoveryTokens(
                secret(),
                Duration.ofSeconds(5),
                Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)))
            .issue()
            .pid();
    try (RecoveringSocket again = RecoveringSocket.resume(SERVER.port(), pid, "not-a-change-id")) {
      assertNotEquals(pid, again.pid(), "an offset that is no change id: a fresh session");
    }
    for (String bad : new String[] {"not-a-token", altered, foreign, expired}) {
      UUID canary = UUID.randomUUID();
      try (RecoveringSocket again = RecoveringSocket.resume(SERVER.port(), bad, offset)) {
        assertNotNull(again.pid(), "a fresh session still gets a pid");
        assertNotEquals(bad, again.pid(), "not recovered: " + bad);
        assertNotEquals(pid, again.pid());
        again.join(canary);
        insert(room, 2);
        insert(canary, 3);
        assertEquals(3, again.nextEvent().get(0).path("n").asInt(), "nothing of the old room");
      }
    }
  }

  @Test
  void aSessionIsNotRecoveredOnceItsRecordExpired() throws Exception {
    UUID room = UUID.randomUUID();
    Session session = firstSession(room);
    String pid = session.pid();
    String offset = session.offset();
    Document record =
        await("record of the disconnected session")
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    SessionRecords.of(SERVER.writer())
                        .find(Filters.eq("rooms", room.toString()))
                        .first(),
                r -> r != null);
    await("its TTL passed")
        .atMost(Duration.ofSeconds(20))
        .until(() -> record.getDate("expiresAt").toInstant().isBefore(java.time.Instant.now()));
    UUID canary = UUID.randomUUID();
    try (RecoveringSocket again = RecoveringSocket.resume(SERVER.port(), pid, offset)) {
      assertNotEquals(pid, again.pid(), "expired: a fresh session");
      again.join(canary);
      insert(room, 2);
      insert(canary, 3);
      assertEquals(3, again.nextEvent().get(0).path("n").asInt());
    }
  }

  @Test
  void aConnectedSessionsRecordKeepsAheadOfItsExpiry() throws Exception {
    UUID room = UUID.randomUUID();
    try (RecoveringSocket connected =
        RecoveringSocket.connect(SERVER.port(), RecoveringSocket.auth())) {
      connected.join(room);
      awaitRecord(room);
      java.time.Instant end = java.time.Instant.now().plusSeconds(7); // past the 5 s TTL
      await("rewritten while connected, always unexpired")
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                Document record =
                    SessionRecords.of(SERVER.writer())
                        .find(Filters.eq("rooms", room.toString()))
                        .first();
                assertTrue(
                    record != null
                        && record.getDate("expiresAt").toInstant().isAfter(java.time.Instant.now()),
                    "the record of a connected session expired: " + record);
                return java.time.Instant.now().isAfter(end);
              });
    }
  }

  /** A session's pid and the offset of the change it received in its room before it dropped. */
  record Session(String pid, String offset) {}

  private static Session firstSession(UUID room) throws Exception {
    try (RecoveringSocket first =
        RecoveringSocket.connect(SERVER.port(), RecoveringSocket.auth())) {
      first.join(room);
      awaitRecord(room);
      insert(room, 1);
      return new Session(first.pid(), first.nextEvent().get(2).asText());
    }
  }

  private static byte[] secret() {
    return SECRET.getBytes(StandardCharsets.UTF_8);
  }

  private static void awaitRecord(UUID room) {
    SessionRecords.awaitHolding(SERVER.writer(), room);
  }

  private static void insert(UUID room, int n) {
    SessionRecords.insert(SERVER.writer(), room, n);
  }
}
