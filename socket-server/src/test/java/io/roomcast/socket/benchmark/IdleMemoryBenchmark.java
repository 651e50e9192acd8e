package io.roomcast.socket.benchmark;

import io.netty.buffer.PooledByteBufAllocator;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.testing.HeapAfterGc;
import io.roomcast.embedded.testing.JavaProcess;
import io.roomcast.socket.SocketServer;
import io.roomcast.socket.testing.SocketServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What one idle joined connection costs the server: the heap after GC, Netty's pooled direct memory
 * and the process's resident memory, before and after N raw websocket clients (in a process of
 * their own, {@link IdleClients}) have connected and joined one of R rooms, divided by N. The
 * embedded database runs in this JVM too but holds nothing that grows with the clients.
 *
 * <pre>mvn -pl socket-server exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.roomcast.socket.benchmark.IdleMemoryBenchmark -Dexec.args="2000 100 [seconds to hold]"
 * </pre>
 */
public final class IdleMemoryBenchmark {
  private IdleMemoryBenchmark() {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int rooms = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int holdSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 0; // time for a heap histogram
    try (EmbeddedMongo mongo = EmbeddedMongo.start();
        SocketServer server =
            SocketServers.start(
                mongo.connectionString(), Map.of("MAX_CLIENTS", Integer.toString(clients * 2)))) {
      long heap = HeapAfterGc.used();
      long direct = pooledDirect();
      long rss = residentBytes();
      try (JavaProcess idle =
          JavaProcess.start(
              IdleClients.class.getName(),
              Map.of(),
              Integer.toString(server.port()),
              Integer.toString(clients),
              Integer.toString(rooms))) {
        idle.awaitLine("joined " + clients, Duration.ofMinutes(5));
        long heapPer = (HeapAfterGc.used() - heap) / clients;
        long directPer = (pooledDirect() - direct) / clients;
        long rssPer = (residentBytes() - rss) / clients;
        System.out.printf(
            "%d idle joined websocket clients in %d rooms: per connection %d B heap after GC, %d B"
                + " pooled direct memory, %d B resident (server JVM: %s, %s)%n",
            clients,
            rooms,
            heapPer,
            directPer,
            rssPer,
            System.getProperty("java.version"),
            Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB max heap");
        Thread.sleep(holdSeconds * 1000L);
      }
    }
  }

  private static long pooledDirect() {
    return PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory();
  }

  /** VmRSS of this process, from /proc (Linux), in bytes. */
  private static long residentBytes() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
      }
    }
    return 0;
  }
}
