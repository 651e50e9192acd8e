package io.roomcast.socket.testing;

import java.lang.management.ManagementFactory;

/** The heap in use after full collections: what the JVM holds on to, not what awaits GC. */
public final class HeapAfterGc {
  private HeapAfterGc() {}

  public static long used() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
