package io.roomcast.socket.stream;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoConfigurationException;
import com.mongodb.MongoException;
import com.mongodb.MongoSecurityException;
import java.util.Set;

/** What a change stream does about an error: resume, start again from now, or stop. */
final class StreamErrors {
  /** How the stream reacts to one error. */
  enum Action {
    /** Transient: reopen from the last token after a backoff. */
    RESUME,
    /** The server no longer has the history after the token: start again from now. */
    RESTART_FROM_NOW,
    /** Retrying cannot help: stop and say what to fix. */
    STOP
  }

  static final int CHANGE_STREAM_HISTORY_LOST = 286;
  static final int CHANGE_STREAM_FATAL_ERROR = 280;
  static final int CAPPED_POSITION_LOST = 136;
  static final int UNAUTHORIZED = 13;
  static final int AUTHENTICATION_FAILED = 18;
  static final int INVALID_NAMESPACE = 73;
  static final int ATLAS_AUTHENTICATION_ERROR = 8000;
  static final int CHANGE_STREAM_NEEDS_REPLICA_SET = 40573;
  static final int UNKNOWN_FIELD = 40415;

  private static final Set<Integer> HISTORY_LOST =
      Set.of(CHANGE_STREAM_HISTORY_LOST, CHANGE_STREAM_FATAL_ERROR, CAPPED_POSITION_LOST);

  private StreamErrors() {}

  static Action classify(MongoException error) {
    if (error instanceof MongoSecurityException || error instanceof MongoConfigurationException) {
      return Action.STOP;
    }
    int code = error.getCode();
    if (HISTORY_LOST.contains(code)) {
      return Action.RESTART_FROM_NOW;
    }
    if (error instanceof MongoCommandException && fixItFor(code) != null) {
      return Action.STOP;
    }
    return Action.RESUME;
  }

  /** The fix-it half of the message for an error that stops the stream. */
  static String fixIt(MongoException error) {
    if (error instanceof MongoSecurityException) {
      return "check the user name, password and authSource in MONGODB_URI";
    }
    if (error instanceof MongoConfigurationException) {
      return "check the host names and options in MONGODB_URI";
    }
    String fix = fixItFor(error.getCode());
    return fix != null ? fix : "see the MongoDB error code " + error.getCode();
  }

  private static String fixItFor(int code) {
    switch (code) {
      case UNAUTHORIZED:
      case AUTHENTICATION_FAILED:
      case ATLAS_AUTHENTICATION_ERROR:
        return "the user in MONGODB_URI needs the changeStream and find actions on the watched "
            + "databases (e.g. the read role)";
      case CHANGE_STREAM_NEEDS_REPLICA_SET:
        return "change streams need a replica set: start mongod with --replSet and run "
            + "rs.initiate(), or use the embedded database for development";
      case INVALID_NAMESPACE:
        return "check WATCH_DATABASES";
      case UNKNOWN_FIELD:
        return "the server is too old for fullDocumentBeforeChange: use MongoDB 6.0 or newer";
      default:
        return null;
    }
  }

  /** A one-line description of an error, without stack trace or connection details. */
  static String describe(Throwable error) {
    String message = error.getMessage() == null ? "" : error.getMessage().replaceAll("\\s+", " ");
    if (message.length() > 300) {
      message = message.substring(0, 300) + "…";
    }
    return error.getClass().getSimpleName() + ": " + message;
  }
}
