package io.roomcast.socket.fuzz;

import java.lang.management.ManagementFactory;

/** The heap in use after full collections: what the JVM holds on to, not what awaits GC. */
final class HeapAfterGc {
  private HeapAfterGc() {}

  static long used() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
