package io.roomcast.socket.emit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.ByteBuffer;
import java.util.zip.Deflater;

/**
 * The permessage-deflate form (RFC 7692) of an {@link EventFrames} frame, made once per change and
 * wire format and written as it is to every client that negotiated deflate
 * (deflate/PerMessageDeflate), which SharedFrameDelivery batches apart: those connections agreed
 * that the server compresses each message on its own ({@code server_no_context_takeover}), so the
 * same bytes inflate right on every one of them. A frame whose payload is shorter than {@code
 * WS_COMPRESSION_MIN_BYTES}, or that deflate does not make smaller, has no compressed form:
 * everyone gets the plain frame, which is an uncompressed message (RSV1 clear) on a deflate
 * connection too.
 */
final class CompressedFrames {
  private static final byte FINAL_TEXT_COMPRESSED = (byte) 0xC1; // FIN, RSV1, opcode 1

  /** The empty stored block a sync flush ends with, which the receiver appends back (7.2.1). */
  private static final int FLUSH_TAIL = 4;

  // One per delivering thread (change streams, joins' catch-ups): a Deflater is not thread-safe,
  // and a new one per change would set up zlib's 256 KB of state each time.
  private static final ThreadLocal<Deflater> DEFLATERS =
      ThreadLocal.withInitial(() -> new Deflater(Deflater.DEFAULT_COMPRESSION, true));

  private final int minBytes;
  private final ByteBufAllocator allocator;

  CompressedFrames(int minBytes, ByteBufAllocator allocator) {
    this.minBytes = minBytes;
    this.allocator = allocator;
  }

  /**
   * Has the deflate clients' event loops write the compressed form of each frame they need (the
   * plain one where there is none), then releases the compressed frames: each loop's task holds its
   * own reference.
   */
  void dispatch(LoopBatches deflating, ByteBuf plain, ByteBuf withOffset) {
    if (deflating.isEmpty()) {
      return;
    }
    ByteBuf plainDeflated = deflating.anyPlain() ? compress(plain) : null;
    ByteBuf offsetDeflated = deflating.anyWithOffset() ? compress(withOffset) : null;
    try {
      deflating.dispatch(
          plainDeflated != null ? plainDeflated : plain,
          offsetDeflated != null ? offsetDeflated : withOffset);
    } finally {
      if (plainDeflated != null) {
        plainDeflated.release();
      }
      if (offsetDeflated != null) {
        offsetDeflated.release();
      }
    }
  }

  /**
   * The compressed frame of {@code frame} (one complete text frame), in a buffer of exactly its
   * size; null when {@code frame} is null, short, or does not shrink.
   */
  ByteBuf compress(ByteBuf frame) {
    if (frame == null) {
      return null;
    }
    int header = headerLengthOf(frame);
    int payload = frame.readableBytes() - header;
    if (payload < minBytes) {
      return null;
    }
    // Room for a result smaller than the payload, flush tail included: a fuller one is no gain.
    ByteBuf deflated = allocator.directBuffer(payload + FLUSH_TAIL);
    Deflater deflater = DEFLATERS.get();
    try {
      deflater.setInput(frame.nioBuffer(frame.readerIndex() + header, payload));
      ByteBuffer out = deflated.nioBuffer(0, payload + FLUSH_TAIL);
      int written = deflater.deflate(out, Deflater.SYNC_FLUSH);
      int length = written - FLUSH_TAIL;
      // Output full: the flush may be unfinished (and the result would not be smaller anyway).
      if (written == payload + FLUSH_TAIL || length >= payload) {
        return null;
      }
      int size = EventFrames.headerLength(length) + length;
      ByteBuf compressed = allocator.directBuffer(size, size);
      EventFrames.writeHeader(compressed, FINAL_TEXT_COMPRESSED, length);
      return compressed.writeBytes(deflated, 0, length);
    } finally {
      deflater.reset(); // also drops the reference to the frame's memory
      deflated.release();
    }
  }

  /**
   * RFC 6455 5.2: 2 bytes, then 2 or 8 more for a 16- or 64-bit length (the server sends no mask).
   */
  private static int headerLengthOf(ByteBuf frame) {
    int length = frame.getByte(frame.readerIndex() + 1) & 0x7F;
    return length == 126 ? 4 : length == 127 ? 10 : 2;
  }
}
