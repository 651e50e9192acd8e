package io.roomcast.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Lines as JDK 17 G1 and Temurin 25 ZGC write them with {@code -Xlog:gc,gc+phases}. */
class GcPausesTest {
  private static double longest(String... lines) {
    return GcPauses.longestMillis(GcPauses.JVM_PAUSE, String.join("\n", lines) + "\n");
  }

  @Test
  void g1PausesAreItsPauseLinesNotItsPhases() {
    assertEquals(
        12.391,
        longest(
            "[0.958s][info][gc       ] GC(0) Pause Young (Normal) (G1 Evacuation Pause)"
                + " 12M->4M(256M) 12.391ms",
            "[0.958s][info][gc,phases] GC(0)   Evacuate Collection Set: 30.2ms",
            "[1.100s][info][gc       ] GC(1) Pause Remark 60M->60M(1024M) 1.234ms",
            "[1.200s][info][gc       ] GC(2) Concurrent Mark Cycle 45.678ms"));
  }

  @Test
  void zgcPausesAreItsPausePhasesNotItsConcurrentCycles() {
    assertEquals(
        0.019,
        longest(
            "[1.592s][info][gc       ] GC(1) Major Collection (Warmup)",
            "[1.592s][info][gc,phases] GC(1) Y: Pause Mark Start (Major) 0.016ms",
            "[1.600s][info][gc,phases] GC(1) Y: Concurrent Mark 21.500ms",
            "[1.622s][info][gc,phases] GC(1) Y: Pause Mark End 0.019ms",
            "[1.623s][info][gc,phases] GC(1) Y: Pause Relocate Start 0.005ms",
            "[1.625s][info][gc,phases] GC(1) Y: Young Generation 52M(20%)->32M(12%) 0.033s",
            "[1.630s][info][gc,phases] GC(1) O: Pause Relocate Start 0.010ms",
            "[1.630s][info][gc       ] GC(1) Major Collection (Warmup) 52M(20%)->38M(15%) 0.038s",
            "[1.703s][info][gc,phases] GC(3) y: Young Generation 118M(46%)->20M(8%) 0.007s"));
  }

  @Test
  void aZgcAllocationStallCountsAsAPauseButNotTheCycleItCauses() {
    assertEquals(
        7.201,
        longest(
            "[0.850s][info][gc       ] Allocation Stall (main) 7.201ms",
            "[0.857s][info][gc       ] GC(5) Minor Collection (Allocation Stall)",
            "[0.860s][info][gc,phases] GC(5) y: Pause Mark Start 0.016ms",
            // the cycle's own length is in seconds; were it in ms, it would still not count
            "[0.870s][info][gc       ] GC(5) Minor Collection (Allocation Stall)"
                + " 80M(100%)->40M(50%) 12.000ms"));
  }

  @Test
  void noPauseIsZero() {
    assertEquals(0, longest("[0.081s][info][gc] Using The Z Garbage Collector"));
  }

  @Test
  void theServerRunsGenerationalZgcOnlyWhereItIsTheOnlyZgc() {
    assertEquals(ServerJvm.ZGC, ServerJvm.defaultOptions("openjdk version \"25.0.3\" 2026-04-21"));
    assertEquals(ServerJvm.G1, ServerJvm.defaultOptions("openjdk version \"21.0.5\" 2024-10-15"));
    assertEquals(ServerJvm.G1, ServerJvm.defaultOptions("openjdk version \"17.0.15\" 2025-04-15"));
    assertEquals(ServerJvm.G1, ServerJvm.defaultOptions("java version \"1.8.0_402\""));
  }
}
