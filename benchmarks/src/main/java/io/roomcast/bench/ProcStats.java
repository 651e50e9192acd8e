package io.roomcast.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Linux says about a process: CPU time (utime + stime from /proc/pid/stat, all threads) and
 * resident memory (VmRSS from /proc/pid/status). The same numbers for a JVM and for Node, so the
 * servers are compared by what the kernel charged them, not by what each runtime reports.
 */
final class ProcStats {
  /** USER_HZ: the unit of utime/stime; 100 on every Linux this runs on (getconf CLK_TCK). */
  private static final double TICKS_PER_SECOND = 100.0;

  private static final Pattern BYTES_SENT = Pattern.compile("bytes_sent:(\\d+)");

  private ProcStats() {}

  /** CPU seconds the process has used so far (user + system, all threads). */
  static double cpuSeconds(long pid) {
    String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
    // the command name (field 2) may hold spaces: count fields after its closing parenthesis
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long utime = Long.parseLong(fields[11]);
    long stime = Long.parseLong(fields[12]);
    return (utime + stime) / TICKS_PER_SECOND;
  }

  /**
   * TCP payload bytes sent so far on the established connections from local port {@code port} (the
   * sum of {@code bytes_sent} that {@code ss -ti} reports per socket): what a server wrote to its
   * clients, websocket headers included, whichever runtime wrote it.
   */
  static long tcpBytesSent(int port) {
    try {
      Process ss =
          new ProcessBuilder("ss", "-tinH", "state", "established", "( sport = :" + port + " )")
              .redirectErrorStream(true)
              .start();
      long sent = 0;
      Matcher matcher = BYTES_SENT.matcher(new String(ss.getInputStream().readAllBytes()));
      while (matcher.find()) {
        sent += Long.parseLong(matcher.group(1));
      }
      ss.waitFor();
      return sent;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run ss", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Resident set size in bytes. */
  static long rssBytes(long pid) {
    for (String line : read(Path.of("/proc", Long.toString(pid), "status")).split("\n")) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IllegalStateException("no VmRSS for process " + pid);
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + path + " (process gone?)", e);
    }
  }
}
