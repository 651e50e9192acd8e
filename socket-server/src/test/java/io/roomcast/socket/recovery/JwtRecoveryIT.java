package io.roomcast.socket.recovery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.roomcast.embedded.testing.Scrape;
import io.roomcast.socket.testing.ServerWithDatabase;
import io.roomcast.socket.testing.SocketServers;
import io.roomcast.socket.testing.TestTokens;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With {@code ROOM_AUTH=jwt}, a recovered session's rooms pass the same check as a fresh join: the
 * reconnect's CONNECT token must still grant them, and a room it no longer grants is not restored.
 */
class JwtRecoveryIT {
  @RegisterExtension
  static final ServerWithDatabase SERVER = ServerWithDatabase.perClass(settings());

  private static Map<String, String> settings() {
    Map<String, String> settings = new HashMap<>(TestTokens.SERVER_SETTINGS);
    settings.put("RECOVERY_SECRET", ConnectionRecoveryIT.SECRET);
    return settings;
  }

  @Test
  void aRoomTheNewTokenNoLongerGrantsIsNotRestored() throws Exception {
    UUID kept = UUID.randomUUID();
    UUID revoked = UUID.randomUUID();
    String pid;
    String offset;
    try (RecoveringSocket first =
        RecoveringSocket.connect(
            SERVER.port(),
            RecoveringSocket.auth()
                .put("token", TestTokens.granting(kept.toString(), revoked.toString())))) {
      pid = first.pid();
      first.join(kept);
      first.join(revoked);
      SessionRecords.awaitHolding(SERVER.writer(), revoked);
      SessionRecords.insert(SERVER.writer(), kept, 1);
      offset = first.nextEvent().get(2).asText();
    }
    try (RecoveringSocket again =
        RecoveringSocket.connect(
            SERVER.port(),
            RecoveringSocket.auth()
                .put("pid", pid)
                .put("offset", offset)
                .put("token", TestTokens.granting(kept.toString())))) {
      assertEquals(pid, again.pid(), "the session is recovered");
      await("rooms restored")
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  Scrape.of(SocketServers.adminUrl(SERVER.server()) + "/metrics")
                          .value("roomcast_recovery_attempts_total", "outcome=recovered")
                      == 1.0);
      SessionRecords.insert(SERVER.writer(), revoked, 2);
      SessionRecords.insert(SERVER.writer(), kept, 3);
      assertEquals(3, again.nextEvent().get(0).path("n").asInt(), "only the granted room");
      assertEquals(
          1.0,
          Scrape.of(SocketServers.adminUrl(SERVER.server()) + "/metrics")
              .value("roomcast_recovery_rooms_refused_total"));
    }
  }
}
