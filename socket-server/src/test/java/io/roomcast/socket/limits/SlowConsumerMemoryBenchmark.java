package io.roomcast.socket.limits;

import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoCollection;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.testing.CapturedLog;
import io.roomcast.embedded.testing.HeapAfterGc;
import io.roomcast.socket.SocketServer;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.RawWebSocket;
import io.roomcast.socket.testing.SocketServers;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.BsonDocument;

/**
 * Memory held for N websocket clients that stop reading while their room gets E changes of S bytes:
 * peak heap (after GC) above the baseline, peak direct memory, and how many were dropped, against N
 * x MAX_CLIENT_BUFFER_BYTES. One well-behaved client in the room reads everything.
 *
 * <pre>mvn -pl socket-server exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.roomcast.socket.limits.SlowConsumerMemoryBenchmark \
 *   -Dexec.args="20 1048576 3000 4096"</pre>
 *
 * (arguments: clients, bound in bytes, changes, document size)
 */
public final class SlowConsumerMemoryBenchmark {
  private static final int BATCH = 50;

  private SlowConsumerMemoryBenchmark() {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int bound = args.length > 1 ? Integer.parseInt(args[1]) : 1024 * 1024;
    int changes = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
    int size = args.length > 3 ? Integer.parseInt(args[3]) : 4096;
    try (EmbeddedMongo mongo = EmbeddedMongo.start();
        MongoWriter writer = new MongoWriter(mongo.connectionString());
        SocketServer server =
            SocketServers.start(
                mongo.connectionString(),
                Map.of("MAX_CLIENT_BUFFER_BYTES", "" + bound, "ALLOWED_ORIGINS", "*"));
        CapturedLog drops = CapturedLog.of(ClientDropper.class)) {
      UUID room = UUID.randomUUID();
      JavaClient reader = JavaClient.connect(SocketServers.url(server), "websocket");
      reader.awaitConnected().join(room.toString());
      long heapBaseline = HeapAfterGc.used();
      long directBaseline = direct();
      List<RawWebSocket> stalled = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        stalled.add(stalledClient(server.port(), room));
      }
      long peakHeap = 0;
      long peakDirect = 0;
      MongoCollection<BsonDocument> items = writer.collection("app", "items");
      for (int written = 0; written < changes; written += BATCH) {
        items.insertMany(MongoWriter.filledDocuments(room, BATCH, size));
        peakDirect = Math.max(peakDirect, direct() - directBaseline);
        if ((written / BATCH) % 10 == 0) {
          peakHeap = Math.max(peakHeap, HeapAfterGc.used() - heapBaseline);
        }
      }
      await("the reading client has every change")
          .atMost(Duration.ofMinutes(2))
          .until(() -> reader.events().size() >= changes);
      peakHeap = Math.max(peakHeap, HeapAfterGc.used() - heapBaseline);
      System.out.printf(
          "%d stalled websocket clients, MAX_CLIENT_BUFFER_BYTES=%d, %d changes of %d bytes "
              + "(%.1f MB per client offered)%n",
          clients, bound, changes, size, (double) changes * size / 1e6);
      System.out.printf(
          "dropped: %d of %d; the reading client got %d events; peak heap after GC above "
              + "baseline: %.1f MB; peak direct memory above baseline: %.1f MB; "
              + "N x bound = %.1f MB%n",
          drops.lines().size(),
          clients,
          reader.events().size(),
          peakHeap / 1e6,
          peakDirect / 1e6,
          (double) clients * bound / 1e6);
      reader.close();
      for (RawWebSocket socket : stalled) {
        socket.close();
      }
    }
  }

  /** Connects, joins the room, then never reads again (4 KiB receive buffer). */
  private static RawWebSocket stalledClient(int port, UUID room) throws Exception {
    RawWebSocket socket = RawWebSocket.connected(port, 4, 4096);
    socket.join(room);
    return socket;
  }

  /** NIO direct buffers plus what Netty's allocator holds (pooled or adaptive), in bytes. */
  private static long direct() {
    long nio = 0;
    for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
      if ("direct".equals(pool.getName())) {
        nio = pool.getMemoryUsed();
      }
    }
    long netty =
        ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider provider
            ? provider.metric().usedDirectMemory()
            : 0;
    return Math.max(nio, netty);
  }
}
