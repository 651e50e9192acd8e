package io.roomcast.embedded.capture;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which collections keep pre-images, as set by {@code create} or {@code collMod} with {@code
 * changeStreamPreAndPostImages: {enabled: true}}. Like MongoDB, a change carries a pre-image only
 * when its collection had the option enabled at the time of the write.
 */
public final class PreImageSettings {
  private final Set<String> enabledNamespaces = ConcurrentHashMap.newKeySet();

  /** Turns pre-images on or off for {@code database.collection}. */
  public void set(String namespace, boolean enabled) {
    if (enabled) {
      enabledNamespaces.add(namespace);
    } else {
      enabledNamespaces.remove(namespace);
    }
  }

  public boolean isEnabled(String namespace) {
    return enabledNamespaces.contains(namespace);
  }

  /** Forgets the setting of a dropped collection. */
  void collectionDropped(String namespace) {
    enabledNamespaces.remove(namespace);
  }

  /** Forgets the settings of every collection of a dropped database. */
  void databaseDropped(String database) {
    enabledNamespaces.removeIf(namespace -> namespace.startsWith(database + "."));
  }
}
