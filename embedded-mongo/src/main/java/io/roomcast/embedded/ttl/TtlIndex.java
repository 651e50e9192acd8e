package io.roomcast.embedded.ttl;

import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;

/**
 * One TTL index of a collection, as MongoDB defines it: a document expires {@code
 * expireAfterSeconds} after the date in {@code field} (for an array, after its earliest date); a
 * document without the field, or whose field holds no date, never expires.
 *
 * @param name the index name
 * @param field the indexed field path (dotted paths reach into subdocuments and arrays)
 * @param expireAfterSeconds from 0 to 2^31 - 1
 * @param partialFilter only documents matching it are indexed, so only they expire; empty: all
 * @param description the index as {@code listIndexes} shows it; never modified
 */
public record TtlIndex(
    String name,
    String field,
    long expireAfterSeconds,
    Document partialFilter,
    Document description) {

  /** The key pattern, e.g. {@code {expiresAt: 1}}. */
  public Document key() {
    return (Document) description.get("key");
  }

  /** Whether the document had expired at {@code nowMillis}. */
  public boolean isExpired(Document document, long nowMillis) {
    Long date = earliestDate(Utils.getSubdocumentValueCollectionAware(document, field));
    return date != null && date <= nowMillis - expireAfterSeconds * 1000;
  }

  /** The date in epoch milliseconds, the earliest date of an array, or null when there is none. */
  static Long earliestDate(Object value) {
    if (value instanceof Instant instant) {
      return instant.toEpochMilli();
    }
    if (value instanceof Date date) {
      return date.getTime();
    }
    Long earliest = null;
    if (value instanceof Collection<?> values) {
      for (Object element : values) {
        Long date =
            element instanceof Instant instant
                ? Long.valueOf(instant.toEpochMilli())
                : element instanceof Date old ? Long.valueOf(old.getTime()) : null;
        if (date != null && (earliest == null || date < earliest)) {
          earliest = date;
        }
      }
    }
    return earliest;
  }
}
