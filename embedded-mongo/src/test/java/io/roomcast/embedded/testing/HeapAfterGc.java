package io.roomcast.embedded.testing;

import java.lang.management.ManagementFactory;

/**
 * The heap in use after full collections: what the JVM holds on to, not what awaits GC. The one
 * heap measure of tests and benchmark mains.
 */
public final class HeapAfterGc {
  private HeapAfterGc() {}

  /** Bytes of heap in use after three {@code System.gc()} calls. */
  public static long used() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
