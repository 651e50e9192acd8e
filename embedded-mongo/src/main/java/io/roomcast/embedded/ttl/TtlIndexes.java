package io.roomcast.embedded.ttl;

import io.roomcast.embedded.capture.DropListener;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The TTL indexes of every collection, by namespace ({@code database.collection}). The only owner
 * of that state: commands change it from any connection's thread, each change is one atomic
 * replacement of a namespace's immutable list, and the {@link TtlMonitor} reads snapshots.
 * mongo-java-server never sees these indexes (it would keep them as unimplemented, with a WARN).
 */
public final class TtlIndexes implements DropListener {
  private final Map<String, List<TtlIndex>> byNamespace = new ConcurrentHashMap<>();

  /** The TTL indexes of {@code database.collection}, oldest first. */
  public List<TtlIndex> of(String namespace) {
    return byNamespace.getOrDefault(namespace, List.of());
  }

  /** Every namespace's TTL indexes at this moment. */
  public Map<String, List<TtlIndex>> snapshot() {
    return Map.copyOf(byNamespace);
  }

  /** Throws MongoDB's error, changing nothing, when one of these conflicts with an existing one. */
  public void check(String namespace, List<TtlIndex> requested) {
    merged(of(namespace), requested, new ArrayList<>());
  }

  /** Adds those not there yet, or none when one conflicts (then throws); returns the new ones. */
  public List<TtlIndex> add(String namespace, List<TtlIndex> requested) {
    List<TtlIndex> added = new ArrayList<>();
    byNamespace.compute(
        namespace,
        (ns, existing) -> merged(existing == null ? List.of() : existing, requested, added));
    return added;
  }

  /** Removes the indexes with these names. */
  public void remove(String namespace, Collection<String> names) {
    byNamespace.computeIfPresent(
        namespace,
        (ns, existing) -> {
          List<TtlIndex> kept =
              existing.stream().filter(index -> !names.contains(index.name())).toList();
          return kept.isEmpty() ? null : kept;
        });
  }

  public void removeAll(String namespace) {
    byNamespace.remove(namespace);
  }

  /** A collection renamed: its TTL indexes go with it. */
  public void renamed(String from, String to) {
    if (!from.equals(to)) {
      List<TtlIndex> moved = byNamespace.remove(from);
      if (moved != null) {
        byNamespace.put(to, moved);
      }
    }
  }

  @Override
  public void collectionDropped(String namespace) {
    byNamespace.remove(namespace);
  }

  @Override
  public void databaseDropped(String database) {
    byNamespace.keySet().removeIf(namespace -> namespace.startsWith(database + "."));
  }

  private static List<TtlIndex> merged(
      List<TtlIndex> existing, List<TtlIndex> requested, List<TtlIndex> added) {
    List<TtlIndex> all = new ArrayList<>(existing);
    for (TtlIndex index : requested) {
      boolean present = false;
      for (TtlIndex other : all) {
        present |= IndexConflicts.sameIndex(index.description(), other.description());
      }
      if (!present) {
        all.add(index);
        added.add(index);
      }
    }
    return List.copyOf(all);
  }
}
