package io.roomcast.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server under test, running as its own process: where clients connect, where the writer's
 * changes go, and what the process costs (CPU and memory from /proc, the longest GC pause from its
 * GC log).
 */
abstract class Target implements AutoCloseable {
  /** What the idle server holds: resident set, heap after a full GC, direct/external buffers. */
  record Memory(long rssBytes, long heapBytes, long directBytes) {}

  abstract String name();

  /** One line naming the runtime, its options (the GC above all) and the pinning. */
  abstract String describe();

  abstract int port();

  abstract Feed feed();

  abstract ServerProcess server();

  /** Memory after a full GC; -1 for a figure the runtime does not give. */
  abstract Memory memory() throws Exception;

  /** The file GC pauses are logged to, and how to read one pause (in ms) from a line. */
  abstract Path gcLog();

  abstract Pattern gcPause();

  /** A position in the GC log; pauses after it are this step's. */
  long gcMark() throws IOException {
    return Files.exists(gcLog()) ? Files.size(gcLog()) : 0;
  }

  /** The longest pause logged after {@code mark}, in ms (0 when none). */
  double longestGcPauseMillis(long mark) throws IOException {
    double longest = 0;
    try (RandomAccessFile file = new RandomAccessFile(gcLog().toFile(), "r")) {
      file.seek(mark);
      byte[] rest = new byte[(int) (file.length() - mark)];
      file.readFully(rest);
      Matcher matcher = gcPause().matcher(new String(rest, StandardCharsets.UTF_8));
      while (matcher.find()) {
        longest = Math.max(longest, Double.parseDouble(matcher.group(1)));
      }
    }
    return longest;
  }
}
