package io.roomcast.socket.stream;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/** A change event's {@code operationType}, read in one place for the stream, router and encoder. */
public final class OperationType {
  private OperationType() {}

  /** The event's operation ("insert", "update", …), or "" when it has none. */
  public static String of(BsonDocument event) {
    BsonValue type = event.get("operationType");
    return type != null && type.isString() ? type.asString().getValue() : "";
  }
}
