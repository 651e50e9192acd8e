package io.roomcast.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux says about a process: CPU time (utime + stime from /proc/pid/stat, all threads) and
 * resident memory (VmRSS from /proc/pid/status). The same numbers for a JVM and for Node, so the
 * servers are compared by what the kernel charged them, not by what each runtime reports.
 */
final class ProcStats {
  /** USER_HZ: the unit of utime/stime; 100 on every Linux this runs on (getconf CLK_TCK). */
  private static final double TICKS_PER_SECOND = 100.0;

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
   * Bytes the process has passed to write(2)/writev(2) so far ({@code wchar} of /proc/pid/io): what
   * Netty's epoll transport writes to its sockets, plus its few log and database writes.
   */
  static long writtenBytes(long pid) {
    for (String line : read(Path.of("/proc", Long.toString(pid), "io")).split("\n")) {
      if (line.startsWith("wchar:")) {
        return Long.parseLong(line.substring(6).trim());
      }
    }
    throw new IllegalStateException("no wchar for process " + pid);
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
