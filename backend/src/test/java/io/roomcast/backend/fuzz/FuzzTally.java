package io.roomcast.backend.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the fuzzer saw, counted from its worker threads: replies by kind and status, the successful
 * writes (each may have changed the database once), and the first failures in full.
 */
final class FuzzTally {
  private static final Set<String> WRITING_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final int KEPT_FAILURES = 10;

  private final Map<String, LongAdder> byKindAndStatus = new TreeMap<>();
  private final LongAdder writes = new LongAdder();
  private final LongAdder created = new LongAdder();
  private final LongAdder deleted = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final List<String> firstFailures = new ArrayList<>();

  void reply(FuzzCase fuzzCase, int status) {
    counter(fuzzCase.kind() + " " + status).increment();
    if (status / 100 == 2 && WRITING_METHODS.contains(fuzzCase.method())) {
      writes.increment();
      if (status == 201) {
        created.increment();
      } else if ("DELETE".equals(fuzzCase.method())) {
        deleted.increment();
      }
    }
  }

  void failure(long index, FuzzCase fuzzCase, String what) {
    failures.increment();
    synchronized (firstFailures) {
      if (firstFailures.size() < KEPT_FAILURES) {
        firstFailures.add("#" + index + " " + what + ": " + fuzzCase.describe());
      }
    }
  }

  private LongAdder counter(String key) {
    synchronized (byKindAndStatus) {
      return byKindAndStatus.computeIfAbsent(key, k -> new LongAdder());
    }
  }

  long writes() {
    return writes.sum();
  }

  /** Documents the successful requests leave: one per 201, minus one per successful DELETE. */
  long expectedDocuments() {
    return created.sum() - deleted.sum();
  }

  long failures() {
    return failures.sum();
  }

  List<String> firstFailures() {
    synchronized (firstFailures) {
      return List.copyOf(firstFailures);
    }
  }

  String counts() {
    synchronized (byKindAndStatus) {
      StringBuilder out = new StringBuilder();
      byKindAndStatus.forEach(
          (key, count) -> out.append("  ").append(key).append(": ").append(count).append('\n'));
      return out.toString();
    }
  }
}
