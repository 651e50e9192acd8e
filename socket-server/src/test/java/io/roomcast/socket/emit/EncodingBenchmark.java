package io.roomcast.socket.emit;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.JacksonJsonSupport;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketEncoder;
import com.corundumstudio.socketio.protocol.PacketType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.roomcast.common.json.BsonJson;
import java.util.List;
import java.util.UUID;
import org.bson.BsonDocument;

/**
 * What serializing once saves: the cost, per client, of netty-socketio encoding one change's packet
 * when its arguments are Jackson trees (serialized again for every client) versus pre-serialized
 * bytes (copied). Also prints the one-off cost of preparing a change. Run as a main; prints
 * figures.
 */
public final class EncodingBenchmark {
  private static final int CLIENTS = 1000;
  private static final int ROUNDS = 200;

  private EncodingBenchmark() {}

  public static void main(String[] args) throws Exception {
    BsonDocument event = ChangeEvents.load("insert");
    BsonDocument document = event.getDocument("fullDocument");
    for (int i = 0; i < 20; i++) {
      document.put("field" + i, new org.bson.BsonString("value number " + i + " with some text"));
    }
    ChangeEncoder encoder = new ChangeEncoder("uuid");
    UUID uuid = UUID.fromString(ChangeEvents.UUID);
    PacketEncoder packets = new PacketEncoder(new Configuration(), new JacksonJsonSupport());
    List<Object> trees = List.of(BsonJson.toJson(document), encoder.meta(event));

    for (int warm = 0; warm < 3; warm++) {
      long prepare = time(() -> encoder.encode(event, "test", uuid), ROUNDS * 10);
      PreparedChange change = encoder.encode(event, "test", uuid);
      long raw =
          time(() -> encode(packets, List.of(change.body(), change.meta())), ROUNDS * CLIENTS);
      long tree = time(() -> encode(packets, trees), ROUNDS * CLIENTS);
      if (warm == 2) {
        System.out.printf(
            "change of %d bytes: prepare once %.1f µs; per client: pre-serialized %.2f µs, "
                + "Jackson tree %.2f µs (x%.1f); for %d clients: %.1f ms vs %.1f ms%n",
            change.bodyJson().length() + change.metaJson().length(),
            prepare / 1e3,
            raw / 1e3,
            tree / 1e3,
            (double) tree / raw,
            CLIENTS,
            (prepare + raw * CLIENTS) / 1e6,
            tree * CLIENTS / 1e6);
      }
    }
  }

  private static Object encode(PacketEncoder packets, List<Object> args) throws Exception {
    Packet packet = new Packet(PacketType.MESSAGE, EngineIOVersion.V4);
    packet.setSubType(PacketType.EVENT);
    packet.setName("test");
    packet.setData(args);
    ByteBuf out = ByteBufAllocator.DEFAULT.heapBuffer();
    packets.encodePacket(packet, out, ByteBufAllocator.DEFAULT, true);
    int size = out.readableBytes();
    out.release();
    return size;
  }

  /** Average nanoseconds per call. */
  private static long time(Task task, int calls) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      task.run();
    }
    return (System.nanoTime() - start) / calls;
  }

  /** One measured call. */
  @FunctionalInterface
  private interface Task {
    Object run() throws Exception;
  }
}
