package io.roomcast.socket.benchmark;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time and bytes allocated per thread between two points of a benchmark, summed by thread group
 * (the name without its trailing numbers), so that the server's threads can be told from the load
 * generator's and the database's when all share one JVM. Reads the same per-thread counters JFR's
 * jdk.ThreadAllocationStatistics and jdk.ThreadCPULoad report.
 */
final class ThreadCosts {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private final Map<Long, String> names = new HashMap<>();
  private final Map<Long, long[]> start = new HashMap<>();
  private final long gcMillis;

  private ThreadCosts() {
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      names.put(thread.getId(), group(thread.getName()));
      start.put(thread.getId(), costs(thread.getId()));
    }
    gcMillis = gcMillis();
  }

  static ThreadCosts start() {
    return new ThreadCosts();
  }

  /**
   * CPU ns and bytes allocated since {@link #start}, by thread group (threads born since count).
   */
  Map<String, long[]> since() {
    Map<String, long[]> groups = new TreeMap<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      long[] now = costs(thread.getId());
      long[] before = start.getOrDefault(thread.getId(), new long[2]);
      long[] sum = groups.computeIfAbsent(group(thread.getName()), name -> new long[2]);
      sum[0] += Math.max(0, now[0] - before[0]);
      sum[1] += Math.max(0, now[1] - before[1]);
    }
    return groups;
  }

  /** Milliseconds all collectors spent since {@link #start}. */
  long gcMillisSince() {
    return gcMillis() - gcMillis;
  }

  private static long[] costs(long id) {
    return new long[] {
      Math.max(0, THREADS.getThreadCpuTime(id)), Math.max(0, THREADS.getThreadAllocatedBytes(id))
    };
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  static String group(String name) {
    return name.replaceAll("[-#\\d]+$", "").replaceAll("-\\d+-", "-N-");
  }
}
