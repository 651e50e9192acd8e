package io.roomcast.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A server under test, running as its own process: where clients connect, where the writer's
 * changes go, and what the process costs (CPU and memory from /proc, the longest GC pause from its
 * GC log). Subclasses start the process and say how to read memory and GC pauses.
 */
abstract class Target implements AutoCloseable {
  /** What the idle server holds: resident set, heap after a full GC, direct/external buffers. */
  record Memory(long rssBytes, long heapBytes, long directBytes) {}

  private final String name;
  private final String description;
  private final ServerProcess server;
  private final Feed feed;
  private final int port;
  private final EmbeddedDatabase ownDatabase;

  /** {@code ownDatabase}: a database that lives and dies with this server, or null. */
  Target(
      String name,
      String description,
      ServerProcess server,
      Feed feed,
      int port,
      EmbeddedDatabase ownDatabase) {
    this.name = name;
    this.description = description;
    this.server = server;
    this.feed = feed;
    this.port = port;
    this.ownDatabase = ownDatabase;
  }

  final String name() {
    return name;
  }

  /** One line naming the runtime, its options (the GC above all) and the pinning. */
  final String describe() {
    return name + ": " + description + " (cpus " + server.cpus() + ")";
  }

  final int port() {
    return port;
  }

  final Feed feed() {
    return feed;
  }

  final ServerProcess server() {
    return server;
  }

  /** CPU seconds so far of the database this server has to itself; NaN when it has none. */
  final double databaseCpuSeconds() {
    return ownDatabase == null ? Double.NaN : ownDatabase.process().cpuSeconds();
  }

  /** Memory after a full GC; -1 for a figure the runtime does not give. */
  abstract Memory memory() throws Exception;

  /** The file GC pauses are logged to, and how to read one pause (in ms) from a line. */
  abstract Path gcLog();

  abstract Pattern gcPause();

  /** A position in the GC log; pauses after it are this step's. */
  final long gcMark() throws IOException {
    return Files.exists(gcLog()) ? Files.size(gcLog()) : 0;
  }

  /** The longest pause logged after {@code mark}, in ms (0 when none). */
  final double longestGcPauseMillis(long mark) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(gcLog().toFile(), "r")) {
      file.seek(mark);
      byte[] rest = new byte[(int) (file.length() - mark)];
      file.readFully(rest);
      return GcPauses.longestMillis(gcPause(), new String(rest, StandardCharsets.UTF_8));
    }
  }

  @Override
  public void close() throws Exception {
    feed.close();
    server.close();
    if (ownDatabase != null) {
      ownDatabase.close();
    }
  }
}
