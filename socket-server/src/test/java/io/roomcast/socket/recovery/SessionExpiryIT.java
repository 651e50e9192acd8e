package io.roomcast.socket.recovery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.EmbeddedMongoOptions;
import io.roomcast.embedded.testing.CapturedLog;
import io.roomcast.socket.SocketServer;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.SocketServers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * On the embedded database the session records' TTL index is a real one: the server creates it
 * without the "not yet implemented" WARN, and expired records are deleted, so a long-running
 * development server does not keep every session it ever had.
 */
class SessionExpiryIT {
  @Test
  void theTtlIndexIsCreatedWithoutWarningsAndExpiredRecordsAreDeleted() {
    try (CapturedLog log = CapturedLog.all();
        EmbeddedMongo mongo =
            EmbeddedMongo.start(
                EmbeddedMongoOptions.defaults().withTtlMonitorInterval(Duration.ofMillis(100)));
        SocketServer server =
            SocketServers.start(
                mongo.connectionString(), Map.of("RECOVERY_SECRET", ConnectionRecoveryIT.SECRET));
        MongoWriter writer = new MongoWriter(mongo.connectionString())) {
      MongoCollection<Document> sessions = SessionRecords.of(writer);
      await("TTL index of the session records")
          .atMost(Duration.ofSeconds(10))
          .until(() -> ttlSeconds(sessions).equals(List.of(0L)));
      Date expired = Date.from(Instant.now().minusSeconds(60));
      sessions.insertOne(
          new Document("_id", "expired-session")
              .append("rooms", List.of())
              .append("expiresAt", expired));
      await("expired record deleted")
          .atMost(Duration.ofSeconds(10))
          .until(() -> sessions.countDocuments(Filters.eq("_id", "expired-session")) == 0);
      List<String> warnings =
          log.lines(Level.WARN).stream().filter(line -> line.contains("index")).toList();
      assertEquals(List.of(), warnings);
    }
  }

  /** The expireAfterSeconds of the TTL indexes on expiresAt. */
  private static List<Long> ttlSeconds(MongoCollection<Document> sessions) {
    List<Long> seconds = new ArrayList<>();
    for (Document index : sessions.listIndexes()) {
      if (index.get("expireAfterSeconds") instanceof Number number
          && new Document("expiresAt", 1).equals(index.get("key"))) {
        seconds.add(number.longValue());
      }
    }
    return seconds;
  }
}
