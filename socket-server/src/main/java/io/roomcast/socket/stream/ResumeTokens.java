package io.roomcast.socket.stream;

import io.roomcast.common.json.BsonJson;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Resume tokens, MongoDB's {@code {_data: "<hex>"}} documents: which one of a cursor reply is a
 * safe place to resume, as text for clients and logs, and the cluster time they start with, so that
 * a log line can say where a stream resumes.
 */
public final class ResumeTokens {
  /** KeyString type byte of a timestamp, the first field of every {@code _data} token. */
  private static final int TIMESTAMP_TYPE = 130;

  private ResumeTokens() {}

  /**
   * The server's {@code postBatchResumeToken} of a change-stream cursor reply (the {@code cursor}
   * document of an {@code aggregate} or {@code getMore} reply) whose batch is EMPTY: the stream has
   * seen everything up to it. A non-empty batch gives nothing: its events may not have been handed
   * on yet, and each carries its own token in {@code _id}.
   */
  public static Optional<BsonDocument> idlePosition(BsonDocument cursorReply) {
    BsonValue batch = cursorReply.get("firstBatch", cursorReply.get("nextBatch"));
    BsonValue token = cursorReply.get("postBatchResumeToken");
    if (batch == null || !batch.isArray() || !batch.asArray().isEmpty()) {
      return Optional.empty();
    }
    return token != null && token.isDocument() ? Optional.of(token.asDocument()) : Optional.empty();
  }

  /** The {@code _data} string of a token, or the token's JSON text when it has another shape. */
  public static String text(BsonValue token) {
    if (token == null) {
      return null;
    }
    return data(token).orElseGet(() -> BsonJson.toJson(token).toString());
  }

  /** The token whose {@code _data} is this text. */
  public static BsonDocument fromData(String data) {
    return new BsonDocument("_data", new BsonString(data));
  }

  /** The cluster time at which the token's event happened, when the token is MongoDB's format. */
  public static Optional<Instant> clusterTime(BsonValue token) {
    return data(token)
        .filter(hex -> hex.length() >= 18)
        .flatMap(
            hex -> {
              try {
                byte[] bytes = HexFormat.of().parseHex(hex, 0, 18);
                if ((bytes[0] & 0xFF) != TIMESTAMP_TYPE) {
                  return Optional.empty();
                }
                long seconds = 0;
                for (int i = 1; i <= 4; i++) {
                  seconds = (seconds << 8) | (bytes[i] & 0xFF);
                }
                return Optional.of(Instant.ofEpochSecond(seconds));
              } catch (IllegalArgumentException e) {
                return Optional.empty();
              }
            });
  }

  /** Where a stream is, for a log line: the token's time when known, else a short prefix. */
  public static String describe(BsonValue token) {
    if (token == null) {
      return "now";
    }
    return clusterTime(token)
        .map(time -> "token of " + time)
        .orElseGet(() -> "token " + abbreviate(text(token)));
  }

  private static Optional<String> data(BsonValue token) {
    if (token != null && token.isDocument() && token.asDocument().size() == 1) {
      BsonValue data = token.asDocument().get("_data");
      if (data != null && data.isString()) {
        return Optional.of(data.asString().getValue());
      }
    }
    return Optional.empty();
  }

  private static String abbreviate(String text) {
    return text.length() > 24 ? text.substring(0, 24) + "…" : text;
  }
}
