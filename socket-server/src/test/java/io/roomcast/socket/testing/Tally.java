package io.roomcast.socket.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What one client received of a steady stream of numbered changes ({@link SteadyWriter}): each
 * change's number and {@code meta.id}, so a test can count what is missing and what came twice.
 */
public final class Tally {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Set<String> ids = ConcurrentHashMap.newKeySet();
  private final Set<Integer> numbers = ConcurrentHashMap.newKeySet();
  private final AtomicInteger duplicates = new AtomicInteger();
  private volatile String lastId;
  private volatile int first = -1;

  /** One change arrived: its {@code n} and {@code meta.id}. */
  public void record(int n, String id) {
    if (!ids.add(id) | !numbers.add(n)) {
      duplicates.incrementAndGet();
    }
    if (first < 0) {
      first = n;
    }
    lastId = id;
  }

  /**
   * Records the change a Socket.IO event packet carries as text ({@code 42["items", body, meta,
   * …]}, either protocol); other packets are ignored.
   */
  public void recordPacket(String packet) throws IOException {
    if (packet.startsWith("42[\"items\"")) {
      JsonNode args = JSON.readTree(packet.substring(2));
      record(args.get(1).path("n").asInt(), args.get(2).path("id").asText());
    }
  }

  /** The {@code meta.id} of the latest change received: where to rejoin from. */
  public String lastId() {
    return lastId;
  }

  /** The number of the first change received; -1 before any. */
  public int first() {
    return first;
  }

  public int received() {
    return numbers.size();
  }

  public int duplicates() {
    return duplicates.get();
  }

  public boolean has(int n) {
    return numbers.contains(n);
  }

  /** The numbers from {@code from} to {@code to} (exclusive) that never arrived. */
  public List<Integer> missing(int from, int to) {
    List<Integer> missing = new ArrayList<>();
    for (int n = from; n < to; n++) {
      if (!numbers.contains(n)) {
        missing.add(n);
      }
    }
    return missing;
  }

  /**
   * Waits until every number from the first received to {@code total} (exclusive) has arrived;
   * fails naming what is missing and {@code context} (e.g. the acks the client got).
   */
  public void awaitAll(int total, Object context) {
    try {
      await("every change at the client")
          .atMost(JavaClient.TIMEOUT)
          .until(() -> first >= 0 && missing(first, total).isEmpty());
    } catch (ConditionTimeoutException e) {
      List<Integer> missing = missing(Math.max(0, first), total);
      throw new AssertionError(
          missing.size()
              + " of "
              + total
              + " changes missing, first "
              + missing.subList(0, Math.min(20, missing.size()))
              + "; "
              + duplicates()
              + " twice; "
              + context);
    }
  }

  /** Numbers received, sorted (for messages). */
  public Set<Integer> numbers() {
    return new TreeSet<>(numbers);
  }
}
