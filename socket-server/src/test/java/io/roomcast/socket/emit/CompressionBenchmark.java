package io.roomcast.socket.emit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.UUID;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * What WS_COMPRESSION=shared costs per change: the time to compress one event frame ({@link
 * CompressedFrames}, done once per change and wire format) and the bytes it saves, for documents of
 * a few sizes. Compressing per client, as netty-socketio's own compression would, costs that time
 * again for every client of the room. Run as a main; prints figures.
 */
public final class CompressionBenchmark {
  private static final int ROUNDS = 20_000;

  private CompressionBenchmark() {}

  public static void main(String[] args) {
    CompressedFrames frames = new CompressedFrames(0, PooledByteBufAllocator.DEFAULT);
    for (int fields : new int[] {5, 20, 100, 500}) {
      PreparedChange change = change(fields);
      ByteBuf plain = EventFrames.frame(change, true, PooledByteBufAllocator.DEFAULT);
      long nanos = 0;
      int compressed = 0;
      for (int warm = 0; warm < 3; warm++) {
        long start = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
          ByteBuf frame = frames.compress(plain);
          compressed = frame.readableBytes();
          frame.release();
        }
        nanos = (System.nanoTime() - start) / ROUNDS;
      }
      System.out.printf(
          "frame of %,d bytes -> %,d compressed (%.0f %%): %.1f µs per change; per client in a "
              + "room of 200: %.2f µs shared, %.1f µs if compressed per client%n",
          plain.readableBytes(),
          compressed,
          100.0 * compressed / plain.readableBytes(),
          nanos / 1e3,
          nanos / 1e3 / 200,
          nanos / 1e3);
      plain.release();
    }
  }

  /** An insert whose document has {@code fields} short text fields, like EncodingBenchmark's. */
  private static PreparedChange change(int fields) {
    BsonDocument event = ChangeEvents.load("insert");
    BsonDocument document = event.getDocument("fullDocument");
    for (int i = 0; i < fields; i++) {
      document.put("field" + i, new BsonString("value number " + i + " with some text"));
    }
    return new ChangeEncoder("uuid").encode(event, "test", UUID.fromString(ChangeEvents.UUID));
  }
}
