package io.roomcast.embedded.wire;

import de.bwaldvogel.mongo.bson.Document;
import io.roomcast.embedded.capture.CapturingBackend;
import io.roomcast.embedded.capture.PreImageSettings;
import io.roomcast.embedded.stream.CommandFailure;
import java.util.Set;

/**
 * {@code changeStreamPreAndPostImages} on {@code create} and {@code collMod}, which
 * mongo-java-server does not know. The application enables it at startup against real MongoDB and
 * the embedded database alike, so both must accept it and keep pre-images from then on.
 */
final class PreImageCommands {
  static final String OPTION = "changeStreamPreAndPostImages";

  /** Generic command fields that say nothing about the collection. */
  private static final Set<String> GENERIC = Set.of("lsid", "writeConcern", "comment", "maxTimeMS");

  private final CapturingBackend backend;
  private final PreImageSettings preImages;

  PreImageCommands(CapturingBackend backend, PreImageSettings preImages) {
    this.backend = backend;
    this.preImages = preImages;
  }

  /** The value of the option: true or false; fails unless it is {@code {enabled: <bool>}}. */
  static boolean enabled(Object option) {
    if (option instanceof Document document
        && document.size() == 1
        && document.get("enabled") instanceof Boolean enabled) {
      return enabled;
    }
    throw new CommandFailure(
        2, "BadValue", OPTION + " must be {enabled: true} or {enabled: false}, got " + option);
  }

  /** Records the option of a collection that {@code create} has just made. */
  void created(String database, Document command) {
    preImages.set(database + "." + command.get("create"), enabled(command.get(OPTION)));
  }

  /** {@code collMod}: only the pre-image option is supported. */
  Document collMod(String database, Document command) {
    Object collection = command.get("collMod");
    if (!(collection instanceof String name) || name.isEmpty()) {
      throw new CommandFailure(2, "BadValue", "collMod needs a collection name");
    }
    for (String field : command.keySet()) {
      if (!field.equals("collMod")
          && !field.equals(OPTION)
          && !field.startsWith("$")
          && !GENERIC.contains(field)) {
        throw new CommandFailure(
            40415,
            "Location40415",
            "collMod option '" + field + "' is not supported by the embedded database");
      }
    }
    boolean enabled = command.containsKey(OPTION) && enabled(command.get(OPTION));
    if (!backend.collectionExists(database, name)) {
      throw new CommandFailure(
          26, "NamespaceNotFound", "ns does not exist: " + database + "." + name);
    }
    if (command.containsKey(OPTION)) {
      preImages.set(database + "." + name, enabled);
    }
    return Replies.ok();
  }
}
