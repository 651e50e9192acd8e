package io.roomcast.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the longest stop-the-world pause out of a JVM's {@code -Xlog:gc,gc+phases} text. G1 logs
 * each pause as one {@code gc} line ({@code Pause Young ... 3.456ms}, {@code Pause Remark}); ZGC
 * logs only its cycles there (with a duration in seconds, mostly concurrent work) and its pauses as
 * {@code gc+phases} lines ({@code y: Pause Mark Start 0.016ms}, {@code Pause Mark End}, {@code
 * Pause Relocate Start}). A ZGC allocation stall ({@code Allocation Stall (thread) 7.201ms}) stops
 * the allocating thread until a cycle frees memory, so for latency it counts as a pause too.
 */
final class GcPauses {
  static final String JVM_LOG = "-Xlog:gc,gc+phases:file=";

  /** One JVM pause or allocation stall; group 1 is its length in ms. */
  static final Pattern JVM_PAUSE =
      Pattern.compile("(?:Pause |Allocation Stall \\().*? ([0-9.]+)ms\\s*$", Pattern.MULTILINE);

  private GcPauses() {}

  /** The longest pause {@code pause} finds in {@code log} (group 1, in ms); 0 when none. */
  static double longestMillis(Pattern pause, CharSequence log) {
    double longest = 0;
    Matcher matcher = pause.matcher(log);
    while (matcher.find()) {
      longest = Math.max(longest, Double.parseDouble(matcher.group(1)));
    }
    return longest;
  }
}
