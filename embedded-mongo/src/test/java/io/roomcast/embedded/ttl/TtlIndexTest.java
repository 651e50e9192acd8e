package io.roomcast.embedded.ttl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.bson.Document;
import io.roomcast.embedded.stream.CommandFailure;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which documents a TTL index expires, and which specifications it accepts. */
class TtlIndexTest {
  private static final long NOW = Instant.parse("2030-01-01T00:00:00Z").toEpochMilli();
  private static final Instant MINUTE_AGO = Instant.ofEpochMilli(NOW - 60_000);
  private static final Instant MINUTE_AHEAD = Instant.ofEpochMilli(NOW + 60_000);

  @Test
  void aDateExpiresExpireAfterSecondsAfterIt() {
    TtlIndex index = TtlSpecs.parse(spec("at", 30));
    assertTrue(index.isExpired(new Document("at", MINUTE_AGO), NOW));
    assertTrue(index.isExpired(new Document("at", new Date(NOW - 30_000)), NOW));
    assertFalse(index.isExpired(new Document("at", Instant.ofEpochMilli(NOW - 29_999)), NOW));
    assertFalse(index.isExpired(new Document("at", MINUTE_AHEAD), NOW));
  }

  @Test
  void anArrayExpiresWithItsEarliestDateAndOtherValuesNever() {
    TtlIndex index = TtlSpecs.parse(spec("at", 0));
    assertTrue(index.isExpired(new Document("at", List.of(MINUTE_AHEAD, "x", MINUTE_AGO)), NOW));
    assertFalse(index.isExpired(new Document("at", List.of(MINUTE_AHEAD, 1)), NOW));
    for (Object value : new Object[] {"2000-01-01", 0L, null, List.of(), new Document()}) {
      assertFalse(index.isExpired(new Document("at", value), NOW), String.valueOf(value));
    }
    assertFalse(index.isExpired(new Document("other", MINUTE_AGO), NOW));
  }

  @Test
  void aDottedPathReachesIntoSubdocumentsAndArrays() {
    TtlIndex index = TtlSpecs.parse(spec("session.at", 0));
    assertTrue(index.isExpired(new Document("session", new Document("at", MINUTE_AGO)), NOW));
    Document inArray =
        new Document(
            "session", List.of(new Document("at", MINUTE_AHEAD), new Document("at", MINUTE_AGO)));
    assertTrue(index.isExpired(inArray, NOW));
  }

  @Test
  void theSpecificationBecomesWhatListIndexesShows() {
    Document spec = spec("at", 5L).append("v", 2).append("background", true);
    TtlIndex index = TtlSpecs.parse(spec);
    assertEquals("at_1", index.name());
    assertEquals(5, index.expireAfterSeconds());
    Document expected =
        new Document("v", 2)
            .append("key", new Document("at", 1))
            .append("name", "at_1")
            .append("expireAfterSeconds", 5L);
    assertEquals(expected, index.description());
    assertEquals(
        "at_-1",
        TtlSpecs.parse(new Document("key", new Document("at", -1)).append("expireAfterSeconds", 0))
            .name());
  }

  @Test
  void badSpecificationsFailWithMongoDbsCodes() {
    assertRefused(67, new Document("key", new Document("a", 1).append("b", 1)));
    assertRefused(67, spec("at", -1));
    assertRefused(67, spec("at", 0.5));
    assertRefused(67, spec("at", Double.NaN));
    assertRefused(67, spec("at", 2_147_483_648L));
    assertRefused(67, spec("at", "60"));
    assertRefused(67, spec("at", 60).append("unique", true));
    assertRefused(
        67, new Document("key", new Document("at", "hashed")).append("expireAfterSeconds", 1));
    assertRefused(67, spec("a..b", 1));
    assertRefused(197, spec("_id", 1));
    assertEquals(2_147_483_647L, TtlSpecs.parse(spec("at", 2_147_483_647.0)).expireAfterSeconds());
  }

  private static void assertRefused(int code, Document spec) {
    if (!spec.containsKey("expireAfterSeconds")) {
      spec.append("expireAfterSeconds", 10);
    }
    CommandFailure failure = assertThrows(CommandFailure.class, () -> TtlSpecs.parse(spec));
    assertEquals(code, failure.code(), failure.getMessage());
  }

  private static Document spec(String field, Object seconds) {
    return new Document("key", new Document(field, 1))
        .append("name", field.replace('.', '_') + "_1")
        .append("expireAfterSeconds", seconds);
  }
}
