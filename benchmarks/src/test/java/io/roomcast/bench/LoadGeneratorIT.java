package io.roomcast.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The harness itself, in seconds: the load generator against the raw ws reference server (Node), 10
 * clients in 2 rooms, the writer at 50 writes/s for 2 s. Every client must get exactly its room's
 * writes, once each; counts only, never speed.
 */
class LoadGeneratorIT {
  private static final int CLIENTS = 10;

  @Test
  void everyClientGetsEachOfItsRoomsWritesOnce() throws Exception {
    assumeTrue(Machine.run("node", "--version").startsWith("v"), "node is not installed");
    Options options = new Options(new String[] {"--root=..", "--server-cpus=", "--client-cpus="});
    if (!Files.isDirectory(options.root().resolve("benchmarks/node/node_modules/ws"))) {
      Machine.npmCi(options.root());
    }
    List<String> rooms = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
    try (NodeTarget server = NodeTarget.rawWs(options);
        Fleet fleet = Fleet.connect(options, server.port(), rooms, CLIENTS, false, 30)) {
      fleet.begin(7);
      long written = Writer.run(server.feed(), rooms, 7, 50, 2);
      long expected = written * CLIENTS / rooms.size();
      await().atMost(Duration.ofSeconds(20)).until(() -> fleet.receivedSoFar() >= expected);
      StepCounts counts = fleet.finish(written);

      assertEquals(expected, counts.expected());
      assertEquals(expected, counts.received());
      assertEquals(0, counts.missing());
      assertEquals(0, counts.duplicates());
      assertEquals(0, counts.disconnected());
      assertEquals(expected, counts.latencyMicros().getTotalCount());
    }
  }

  @Test
  void optionsRefuseUnknownFlags() {
    Path root = Path.of("..");
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> new Options(new String[] {"--no-such=1"}));
    assertEquals(root.toAbsolutePath().normalize(), new Options(new String[] {"--root=.."}).root());
  }
}
