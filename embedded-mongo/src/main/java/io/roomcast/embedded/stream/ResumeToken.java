package io.roomcast.embedded.stream;

import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import java.util.HexFormat;

/**
 * A resume token, shaped like MongoDB's ({@code {_data: "<hex>"}}) and opaque to clients. It
 * encodes the history position to continue from, the cluster time there, the server run that issued
 * it (a token from an earlier run refers to history that is gone) and whether it is an invalidate
 * event's token (usable with startAfter only).
 *
 * @param instance identifies the server run that issued the token
 * @param resumeAt the history sequence to read next
 * @param clusterTime cluster time of the change the token follows
 * @param invalidate whether this is the token of an invalidate event
 */
record ResumeToken(int instance, long resumeAt, long clusterTime, boolean invalidate) {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();
  private static final String PREFIX = "82";
  private static final int LENGTH = PREFIX.length() + 16 + 16 + 8 + 2;

  Document toDocument() {
    String data =
        PREFIX
            + HEX.toHexDigits(clusterTime)
            + HEX.toHexDigits(resumeAt)
            + HEX.toHexDigits(instance)
            + (invalidate ? "01" : "00");
    return new Document("_data", data);
  }

  BsonTimestamp time() {
    return new BsonTimestamp(clusterTime);
  }

  /** Parses a token a client sent back, or fails with InvalidResumeToken (code 260). */
  static ResumeToken parse(Object value) {
    if (!(value instanceof Document document)
        || !(document.get("_data") instanceof String data)
        || data.length() != LENGTH
        || !data.startsWith(PREFIX)) {
      throw CommandFailure.invalidResumeToken(
          "resume token is not one issued by this embedded database: " + value);
    }
    try {
      long time = HexFormat.fromHexDigitsToLong(data, 2, 18);
      long resumeAt = HexFormat.fromHexDigitsToLong(data, 18, 34);
      int instance = HexFormat.fromHexDigits(data, 34, 42);
      boolean invalidate = data.endsWith("01");
      return new ResumeToken(instance, resumeAt, time, invalidate);
    } catch (IllegalArgumentException e) {
      throw CommandFailure.invalidResumeToken("malformed resume token: " + data);
    }
  }
}
