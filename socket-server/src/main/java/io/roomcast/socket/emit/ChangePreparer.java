package io.roomcast.socket.emit;

import java.util.Optional;
import java.util.UUID;
import org.bson.BsonDocument;

/**
 * Routes a change event to the room of its UUID and encodes it once: the one way both the live
 * streams and the catch-up cursors turn an event into a {@link PreparedChange}.
 */
public final class ChangePreparer {
  private final ChangeRouter router;
  private final ChangeEncoder encoder;

  public ChangePreparer(String uuidField) {
    this.router = new ChangeRouter(uuidField);
    this.encoder = new ChangeEncoder(uuidField);
  }

  /** The room a document change belongs to; empty for database-level events or without a UUID. */
  public Optional<UUID> roomOf(BsonDocument event) {
    return ChangeRouter.collectionOf(event) == null ? Optional.empty() : router.uuidOf(event);
  }

  /** The encoded change of an event already routed to {@code uuid}. */
  public PreparedChange encode(BsonDocument event, UUID uuid) {
    return encoder.encode(event, ChangeRouter.collectionOf(event), uuid);
  }
}
