package io.roomcast.embedded.history;

/**
 * Size of the change history and the work its readers did, for diagnostics and for tests that check
 * read cost by counting rather than by timing.
 *
 * @param retainedEvents events currently retained
 * @param retainedBytes their approximate size in bytes
 * @param firstSequence sequence of the oldest retained event
 * @param nextSequence sequence the next change will get
 * @param examinedEvents events handed to readers since startup (each read costs what it returns)
 */
public record HistoryStats(
    long retainedEvents,
    long retainedBytes,
    long firstSequence,
    long nextSequence,
    long examinedEvents) {}
