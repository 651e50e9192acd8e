package io.roomcast.embedded.history;

import de.bwaldvogel.mongo.bson.BsonTimestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bounded change history that every change stream reads: a ring of events addressed by a
 * sequence number, so that a reader resumes by index in O(batch) whatever the number retained.
 * Bounded by event count and approximate bytes; the oldest events are trimmed first, and a reader
 * whose position was trimmed gets {@link HistoryLostException}.
 */
public final class ChangeHistory {
  private static final int INITIAL_CAPACITY = 1024;

  private final long maxEvents;
  private final long maxBytes;
  private final ClusterClock clock;
  private final Set<AppendListener> listeners = ConcurrentHashMap.newKeySet();
  private final LongAdder examined = new LongAdder();

  private ChangeEvent[] ring = new ChangeEvent[INITIAL_CAPACITY];
  private long firstSequence;
  private long nextSequence;
  private long retainedBytes;
  private BsonTimestamp lastTrimmedTime;

  public ChangeHistory(long maxEvents, long maxBytes) {
    this(maxEvents, maxBytes, Clock.systemUTC());
  }

  ChangeHistory(long maxEvents, long maxBytes, Clock clock) {
    if (maxEvents < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("history bounds must be positive");
    }
    this.maxEvents = maxEvents;
    this.maxBytes = maxBytes;
    this.clock = new ClusterClock(clock);
  }

  /** Retains a committed change and wakes the listeners. Callers append in commit order. */
  public ChangeEvent append(ChangeDraft draft) {
    ChangeEvent event;
    synchronized (this) {
      event = draft.toEvent(nextSequence, clock.next());
      ensureCapacity();
      ring[slot(nextSequence)] = event;
      nextSequence++;
      retainedBytes += event.approximateBytes();
      trim();
    }
    for (AppendListener listener : listeners) {
      listener.changeAppended();
    }
    return event;
  }

  /**
   * Up to {@code max} events from {@code fromSequence} on, in order; empty when there is none yet.
   *
   * @throws HistoryLostException when events at or after {@code fromSequence} were trimmed
   */
  public synchronized List<ChangeEvent> read(long fromSequence, int max)
      throws HistoryLostException {
    if (fromSequence < firstSequence) {
      throw new HistoryLostException(
          "the resume point was trimmed from the change history (oldest retained change is "
              + firstSequence
              + ", asked for "
              + fromSequence
              + ")");
    }
    long end = Math.min(nextSequence, fromSequence + max);
    List<ChangeEvent> events = new ArrayList<>((int) Math.max(0, end - fromSequence));
    for (long sequence = fromSequence; sequence < end; sequence++) {
      events.add(ring[slot(sequence)]);
    }
    examined.add(events.size());
    return events;
  }

  /**
   * The sequence of the first retained event at or after {@code time}, or the next sequence when
   * there is none yet. Binary search: cost grows with the log of the number retained.
   */
  public synchronized long sequenceAt(BsonTimestamp time) throws HistoryLostException {
    if (lastTrimmedTime != null && lastTrimmedTime.compareTo(time) >= 0) {
      throw new HistoryLostException(
          "changes at or after the requested operation time were trimmed from the change history");
    }
    long low = firstSequence;
    long high = nextSequence;
    while (low < high) {
      long middle = (low + high) >>> 1;
      if (ring[slot(middle)].clusterTime().compareTo(time) < 0) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /** The sequence the next appended change will get. */
  public synchronized long nextSequence() {
    return nextSequence;
  }

  /** The cluster time of the latest change, or the current time when there is none. */
  public synchronized BsonTimestamp latestTime() {
    return clock.current();
  }

  /** A consistent snapshot of the history's size and the work readers have done. */
  public synchronized HistoryStats stats() {
    return new HistoryStats(
        nextSequence - firstSequence, retainedBytes, firstSequence, nextSequence, examined.sum());
  }

  public void addListener(AppendListener listener) {
    listeners.add(listener);
  }

  public void removeListener(AppendListener listener) {
    listeners.remove(listener);
  }

  private void trim() {
    while (nextSequence - firstSequence > maxEvents
        || (retainedBytes > maxBytes && nextSequence - firstSequence > 1)) {
      int slot = slot(firstSequence);
      ChangeEvent oldest = ring[slot];
      ring[slot] = null;
      retainedBytes -= oldest.approximateBytes();
      lastTrimmedTime = oldest.clusterTime();
      firstSequence++;
    }
  }

  private void ensureCapacity() {
    long retained = nextSequence - firstSequence;
    if (retained < ring.length) {
      return;
    }
    ChangeEvent[] larger = new ChangeEvent[ring.length * 2];
    for (long sequence = firstSequence; sequence < nextSequence; sequence++) {
      larger[(int) (sequence % larger.length)] = ring[slot(sequence)];
    }
    ring = larger;
  }

  private int slot(long sequence) {
    return (int) (sequence % ring.length);
  }
}
