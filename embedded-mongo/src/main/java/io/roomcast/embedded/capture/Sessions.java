package io.roomcast.embedded.capture;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Set;

/**
 * Logical sessions as far as this database needs them: the handshake reply announces them ({@code
 * logicalSessionTimeoutMinutes}) and a wire version of at least 13 (MongoDB 5.0), so that drivers
 * open snapshot sessions; the session fields of each command are then read here (snapshot reads)
 * and removed before the command reaches mongo-java-server, which has no sessions.
 */
public final class Sessions {
  /** MongoDB 5.0's wire version: the driver refuses snapshot sessions below it. */
  static final int SNAPSHOT_WIRE_VERSION = 13;

  static final int TIMEOUT_MINUTES = 30;

  private static final Set<String> HANDSHAKES = Set.of("hello", "isMaster", "ismaster");
  private static final Set<String> SESSION_FIELDS = Set.of("lsid", "$clusterTime");

  private Sessions() {}

  static boolean isHandshake(String command) {
    return HANDSHAKES.contains(command);
  }

  /** The library's handshake reply, announcing sessions and snapshot reads. */
  static Document announce(Document reply) {
    if (reply.get("maxWireVersion") instanceof Number version
        && version.intValue() < SNAPSHOT_WIRE_VERSION) {
      reply.put("maxWireVersion", SNAPSHOT_WIRE_VERSION);
    }
    reply.put("logicalSessionTimeoutMinutes", TIMEOUT_MINUTES);
    return reply;
  }

  /** Removes the session fields, which the library does not know. */
  public static void strip(Document command) {
    SESSION_FIELDS.forEach(command::remove);
  }
}
