package io.roomcast.socket.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code roomcast_changes_total} by database, collection and operation. A collection's counters are
 * created the first time it is seen; after that an event costs two map lookups by strings the event
 * already holds, and no allocation. The number of collections is set by the database's schema, not
 * by clients; beyond {@link #MAX_COLLECTIONS} per database they share the label {@link #OTHER}.
 */
final class ChangeCounters {
  static final int MAX_COLLECTIONS = 1_000;
  static final String OTHER = "_other";

  /** The operations with their own label value; anything else counts as "other". */
  private static final String[] OPERATIONS = {"insert", "update", "replace", "delete", "other"};

  private final MeterRegistry registry;
  private final Map<String, Map<String, Counter[]>> byDatabase = new ConcurrentHashMap<>();

  ChangeCounters(MeterRegistry registry) {
    this.registry = registry;
  }

  void increment(String database, String collection, String operation) {
    Map<String, Counter[]> collections =
        byDatabase.computeIfAbsent(database, name -> new ConcurrentHashMap<>());
    Counter[] counters = collections.get(collection);
    if (counters == null) {
      String label = collections.size() < MAX_COLLECTIONS ? collection : OTHER;
      counters = collections.computeIfAbsent(label, name -> create(database, name));
    }
    counters[index(operation)].increment();
  }

  private Counter[] create(String database, String collection) {
    Counter[] counters = new Counter[OPERATIONS.length];
    for (int i = 0; i < OPERATIONS.length; i++) {
      counters[i] =
          Counter.builder("roomcast.changes")
              .description("change events read from the streams")
              .tags("database", database, "collection", collection, "operation", OPERATIONS[i])
              .register(registry);
    }
    return counters;
  }

  private static int index(String operation) {
    switch (operation) {
      case "insert":
        return 0;
      case "update":
        return 1;
      case "replace":
        return 2;
      case "delete":
        return 3;
      default:
        return 4;
    }
  }
}
