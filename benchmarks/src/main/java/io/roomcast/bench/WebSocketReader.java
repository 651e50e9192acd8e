package io.roomcast.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;

/**
 * Reads one connection as a websocket client (RFC 6455): the server's upgrade response (101, the
 * right accept value, no extension but the permessage-deflate it offered), then its frames straight
 * out of the socket's buffers: no frame objects, no decoder chain, nothing allocated per plain
 * frame; compressed messages are inflated ({@link MessageInflater}). Each text message goes to
 * {@link Listener#text} as a range of a buffer that is released after the call. A frame split
 * across reads waits in {@code pending}, a message split into frames is joined in {@code
 * fragments}; both hold at most {@link #MAX_MESSAGE} bytes. Pings are answered; a close closes the
 * connection. Owned by the connection's event loop.
 */
final class WebSocketReader {
  static final int MAX_MESSAGE = 1 << 20;
  private static final int MAX_RESPONSE = 8192;
  private static final int MAX_HEADER = 10;

  /** Where the messages go. */
  interface Listener {
    void text(ChannelHandlerContext ctx, ByteBuf buffer, int index, int length);

    /** The connection broke the protocol; it is closed after this call. */
    void failed(String description);
  }

  private final String key;
  private final boolean deflateOffered;
  private final Listener listener;
  private boolean upgraded;
  private boolean deflate;
  private boolean fragmentsCompressed;
  private MessageInflater inflater;
  private boolean closed;
  private ByteBuf pending;
  private ByteBuf fragments;

  /**
   * {@code key}: the Sec-WebSocket-Key the upgrade request was sent with; {@code deflateOffered}:
   * whether it offered permessage-deflate.
   */
  WebSocketReader(String key, boolean deflateOffered, Listener listener) {
    this.key = key;
    this.deflateOffered = deflateOffered;
    this.listener = listener;
  }

  /** Reads what {@code in} holds (and releases it); keeps an incomplete frame for the next read. */
  void read(ChannelHandlerContext ctx, ByteBuf in) {
    ByteBuf bytes = in;
    if (pending != null) {
      bytes = pending.writeBytes(in);
      in.release();
      pending = null;
    }
    try {
      while (!closed
          && bytes.isReadable()
          && (upgraded ? frame(ctx, bytes) : response(ctx, bytes))) {
        // each call consumed one response or frame
      }
      if (!closed && bytes.isReadable()) {
        pending = ctx.alloc().buffer(bytes.readableBytes()).writeBytes(bytes);
      }
    } finally {
      bytes.release();
    }
  }

  /** Releases what the reader holds (the connection is gone). */
  void release() {
    closed = true;
    if (pending != null) {
      pending.release();
      pending = null;
    }
    if (fragments != null) {
      fragments.release();
      fragments = null;
    }
    if (inflater != null) {
      inflater.end();
      inflater = null;
    }
  }

  private boolean response(ChannelHandlerContext ctx, ByteBuf bytes) {
    int end = headersEnd(bytes);
    if (end < 0) {
      if (bytes.readableBytes() > MAX_RESPONSE) {
        fail(ctx, "an upgrade response over " + MAX_RESPONSE + " bytes");
      }
      return false;
    }
    String head =
        bytes.readCharSequence(end - bytes.readerIndex(), StandardCharsets.ISO_8859_1).toString();
    String[] lines = head.split("\r\n");
    if (!lines[0].startsWith("HTTP/1.1 101 ")) {
      fail(ctx, "upgrade answered " + lines[0]);
    } else if (!WebSocketFrames.accept(key).equals(header(lines, "Sec-WebSocket-Accept"))) {
      fail(ctx, "upgrade answered without the key's Sec-WebSocket-Accept");
    } else if (!acceptedExtension(header(lines, "Sec-WebSocket-Extensions"))) {
      fail(ctx, "the server negotiated an extension it was not offered");
    } else {
      upgraded = true;
    }
    return upgraded;
  }

  /**
   * No extension, or the permessage-deflate that was offered (its parameters need nothing here).
   */
  private boolean acceptedExtension(String extensions) {
    if (extensions == null) {
      return true;
    }
    deflate =
        deflateOffered && extensions.split(";")[0].trim().equalsIgnoreCase("permessage-deflate");
    return deflate && !extensions.contains(",");
  }

  /** The value of header {@code name} (any case) in the response's lines, or null. */
  private static String header(String[] lines, String name) {
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }

  /** The index just after the blank line ending the response's headers, or -1. */
  private static int headersEnd(ByteBuf bytes) {
    for (int at = bytes.readerIndex(); at + 3 < bytes.writerIndex(); at++) {
      if (bytes.getInt(at) == 0x0D0A0D0A) {
        return at + 4;
      }
    }
    return -1;
  }

  /** Handles one complete frame and returns true; false when the frame is not all here yet. */
  private boolean frame(ChannelHandlerContext ctx, ByteBuf bytes) {
    int start = bytes.readerIndex();
    int available = bytes.readableBytes();
    if (available < 2) {
      return false;
    }
    int first = bytes.getUnsignedByte(start);
    int second = bytes.getUnsignedByte(start + 1);
    int reserved = first & 0x70;
    if ((second & 0x80) != 0 || reserved != 0 && (reserved != 0x40 || !deflate)) {
      fail(ctx, "a masked frame or one with reserved bits not negotiated from the server");
      return false;
    }
    int header = second < 126 ? 2 : second == 126 ? 4 : MAX_HEADER;
    if (available < header) {
      return false;
    }
    long length =
        header == 2
            ? second
            : header == 4 ? bytes.getUnsignedShort(start + 2) : bytes.getLong(start + 2);
    if (length < 0 || length > MAX_MESSAGE) {
      fail(ctx, "a frame of " + length + " bytes (over " + MAX_MESSAGE + ")");
      return false;
    }
    if (available < header + length) {
      return false;
    }
    bytes.readerIndex(start + header + (int) length);
    handle(ctx, first, bytes, start + header, (int) length);
    return true;
  }

  private void handle(ChannelHandlerContext ctx, int first, ByteBuf bytes, int index, int length) {
    boolean fin = (first & 0x80) != 0;
    boolean compressed = (first & 0x40) != 0;
    switch (first & 0x0F) {
      case WebSocketFrames.TEXT -> {
        if (fragments != null) {
          fail(ctx, "a new message inside a fragmented one");
        } else if (fin && compressed) {
          inflated(ctx, bytes, index, length);
        } else if (fin) {
          listener.text(ctx, bytes, index, length);
        } else {
          fragments = ctx.alloc().buffer(length).writeBytes(bytes, index, length);
          fragmentsCompressed = compressed;
        }
      }
      case WebSocketFrames.CONTINUATION -> continuation(ctx, fin, bytes, index, length);
      case WebSocketFrames.PING -> {
        byte[] payload = new byte[length];
        bytes.getBytes(index, payload);
        ctx.writeAndFlush(
            WebSocketFrames.frame(ctx.alloc(), WebSocketFrames.PONG, payload, 0, length));
      }
      case WebSocketFrames.PONG -> {}
      case WebSocketFrames.CLOSE -> {
        closed = true;
        ctx.close();
      }
      default -> fail(ctx, "a frame of opcode " + (first & 0x0F));
    }
  }

  private void continuation(
      ChannelHandlerContext ctx, boolean fin, ByteBuf bytes, int index, int length) {
    if (fragments == null) {
      fail(ctx, "a continuation frame without a message to continue");
    } else if (fragments.readableBytes() + length > MAX_MESSAGE) {
      fail(ctx, "a fragmented message over " + MAX_MESSAGE + " bytes");
    } else {
      fragments.writeBytes(bytes, index, length);
      if (fin) {
        ByteBuf message = fragments;
        fragments = null;
        try {
          if (fragmentsCompressed) {
            inflated(ctx, message, message.readerIndex(), message.readableBytes());
          } else {
            listener.text(ctx, message, message.readerIndex(), message.readableBytes());
          }
        } finally {
          message.release();
        }
      }
    }
  }

  /** Inflates a compressed message and hands it on, or fails the connection. */
  private void inflated(ChannelHandlerContext ctx, ByteBuf bytes, int index, int length) {
    if (inflater == null) {
      inflater = new MessageInflater();
    }
    ByteBuf message;
    try {
      message = inflater.inflate(ctx.alloc(), bytes, index, length, MAX_MESSAGE);
    } catch (java.util.zip.DataFormatException e) {
      fail(ctx, "a compressed message that does not inflate: " + e.getMessage());
      return;
    }
    try {
      listener.text(ctx, message, message.readerIndex(), message.readableBytes());
    } finally {
      message.release();
    }
  }

  private void fail(ChannelHandlerContext ctx, String description) {
    closed = true;
    listener.failed(description);
    ctx.close();
  }
}
