package io.roomcast.socket.emit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.bson.BsonDocument;

/** Change events as MongoDB documents them, from src/test/resources/change-events. */
final class ChangeEvents {
  static final String UUID = "3b241101-e2bb-4255-8caf-4136c566a962";

  private ChangeEvents() {}

  static BsonDocument load(String name) {
    try (InputStream in =
        ChangeEvents.class.getResourceAsStream("/change-events/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no change event named " + name);
      }
      return BsonDocument.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
