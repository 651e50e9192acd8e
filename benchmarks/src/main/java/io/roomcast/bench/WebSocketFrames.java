package io.roomcast.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a load-generator connection writes (RFC 6455, client side): the upgrade request, then its
 * few frames (pongs, the Socket.IO connect and join), masked as every client frame must be; and the
 * accept value a server must answer the request's key with.
 */
final class WebSocketFrames {
  static final int TEXT = 0x1;
  static final int CONTINUATION = 0x0;
  static final int CLOSE = 0x8;
  static final int PING = 0x9;
  static final int PONG = 0xA;
  private static final int FIN = 0x80;
  private static final int MASKED = 0x80;
  private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private WebSocketFrames() {}

  /** A new random Sec-WebSocket-Key. */
  static String newKey() {
    byte[] nonce = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonce);
    return Base64.getEncoder().encodeToString(nonce);
  }

  /** The upgrade request; {@code deflate}: offer permessage-deflate, as browsers do. */
  static String upgradeRequest(URI uri, String key, boolean deflate) {
    return "GET "
        + uri.getRawPath()
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
        + " HTTP/1.1\r\nHost: "
        + uri.getHost()
        + ":"
        + uri.getPort()
        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
        + key
        + "\r\nSec-WebSocket-Version: 13\r\n"
        + (deflate
            ? "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"
            : "")
        + "\r\n";
  }

  /** The Sec-WebSocket-Accept a server answers {@code key} with. */
  static String accept(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1")
              .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is in every JDK", e);
    }
  }

  static ByteBuf text(ByteBufAllocator alloc, String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    return frame(alloc, TEXT, payload, 0, payload.length);
  }

  /** One final, masked frame of {@code opcode} carrying {@code payload[from, from + length)}. */
  static ByteBuf frame(ByteBufAllocator alloc, int opcode, byte[] payload, int from, int length) {
    ByteBuf frame = alloc.buffer(length + 8);
    frame.writeByte(FIN | opcode);
    if (length < 126) {
      frame.writeByte(MASKED | length);
    } else if (length <= 0xFFFF) {
      frame.writeByte(MASKED | 126).writeShort(length);
    } else {
      frame.release();
      throw new IllegalArgumentException("a client frame of " + length + " bytes");
    }
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    frame.writeBytes(mask);
    for (int i = 0; i < length; i++) {
      frame.writeByte(payload[from + i] ^ mask[i & 3]);
    }
    return frame;
  }
}
