package io.roomcast.embedded.stream;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;

/**
 * A command error answered the way MongoDB answers it: {@code {ok: 0, errmsg, code, codeName,
 * errorLabels}}, so that the driver classifies it (resumable or not) exactly as it would.
 */
public final class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final String codeName;
  private final List<String> labels;

  public CommandFailure(int code, String codeName, String message, String... labels) {
    super(message, null, false, false);
    this.code = code;
    this.codeName = codeName;
    this.labels = List.of(labels);
  }

  static CommandFailure historyLost(String message) {
    return new CommandFailure(
        286, "ChangeStreamHistoryLost", message, "NonResumableChangeStreamError");
  }

  public static CommandFailure badValue(String message) {
    return new CommandFailure(2, "BadValue", message);
  }

  static CommandFailure invalidResumeToken(String message) {
    return new CommandFailure(260, "InvalidResumeToken", message);
  }

  public int code() {
    return code;
  }

  /** The reply document. */
  public Document toReply() {
    Document reply =
        new Document("ok", 0.0)
            .append("errmsg", getMessage())
            .append("code", code)
            .append("codeName", codeName);
    if (!labels.isEmpty()) {
      reply.append("errorLabels", labels);
    }
    return reply;
  }
}
