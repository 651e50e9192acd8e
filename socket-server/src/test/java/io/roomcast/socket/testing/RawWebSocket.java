package io.roomcast.socket.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * A websocket client on a plain {@link Socket}, for tests that must misbehave where a real client
 * cannot: offer extensions, send raw or compressed frames, or stop reading altogether (with a small
 * receive buffer, so the server's writes back up quickly).
 */
public final class RawWebSocket implements AutoCloseable {
  public static final int TEXT = 1;
  public static final int CLOSE = 8;

  /** A frame as received. */
  public record Frame(int opcode, byte[] payload) {
    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    /** The status code of a close frame, or -1. */
    public int closeStatus() {
      return opcode == CLOSE && payload.length >= 2
          ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF)
          : -1;
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final String responseHead;
  private String sid;

  private RawWebSocket(Socket socket, String responseHead) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
    this.responseHead = responseHead;
  }

  /**
   * Opens {@code /socket.io/?EIO=<eio>&transport=websocket} with the extra header lines given (each
   * ending in CRLF) and a receive buffer of {@code receiveBuffer} bytes (0: the default).
   */
  public static RawWebSocket open(int port, int eio, String extraHeaders, int receiveBuffer)
      throws IOException {
    return open(port, "EIO=" + eio + "&transport=websocket", extraHeaders, receiveBuffer);
  }

  /** Upgrades the v4 polling session {@code sid} to a websocket (the probe is the caller's). */
  public static RawWebSocket upgrade(int port, String sid) throws IOException {
    return open(port, "EIO=4&transport=websocket&sid=" + sid, "", 0);
  }

  private static RawWebSocket open(int port, String query, String extraHeaders, int receiveBuffer)
      throws IOException {
    Socket socket = new Socket();
    if (receiveBuffer > 0) {
      socket.setReceiveBufferSize(receiveBuffer);
    }
    socket.connect(new InetSocketAddress("127.0.0.1", port));
    socket.setSoTimeout((int) JavaClient.TIMEOUT.toMillis());
    byte[] key = new byte[16];
    RANDOM.nextBytes(key);
    String request =
        "GET /socket.io/?"
            + query
            + " HTTP/1.1\r\n"
            + "Host: 127.0.0.1:"
            + port
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
            + Base64.getEncoder().encodeToString(key)
            + "\r\n"
            + extraHeaders
            + "\r\n";
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    return new RawWebSocket(socket, readHead(socket));
  }

  /**
   * Opens a session and connects it to the default namespace (v4 asks for it; v3 is connected at
   * once), reading the open packet for the session id.
   */
  public static RawWebSocket connected(int port, int eio, int receiveBuffer) throws IOException {
    RawWebSocket socket = open(port, eio, "", receiveBuffer);
    String opened = socket.awaitText("0{");
    int start = opened.indexOf("\"sid\":\"") + 7;
    socket.sid = opened.substring(start, opened.indexOf('"', start));
    if (eio == 4) {
      socket.sendText("40");
    }
    socket.awaitText("40");
    return socket;
  }

  /** The session id, once {@link #connected} read it. */
  public String sid() {
    return sid;
  }

  /** Joins the room and waits for the ack. */
  public void join(UUID room) throws IOException {
    sendText("420[\"JoinRoom\",[\"" + room + "\"]]");
    awaitText("430");
  }

  private static String readHead(Socket socket) throws IOException {
    StringBuilder head = new StringBuilder();
    while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
      int b = socket.getInputStream().read();
      if (b < 0) {
        throw new EOFException("closed during the upgrade: " + head);
      }
      head.append((char) b);
    }
    return head.toString();
  }

  /** The upgrade response's status line and headers. */
  public String responseHead() {
    return responseHead;
  }

  public void sendText(String text) throws IOException {
    sendFrame(TEXT, false, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends one final frame, masked as a client must, with RSV1 (the "compressed" bit) if asked. */
  public void sendFrame(int opcode, boolean rsv1, byte[] payload) throws IOException {
    byte[] mask = header(opcode, rsv1, payload.length);
    byte[] masked = new byte[payload.length];
    for (int i = 0; i < payload.length; i++) {
      masked[i] = (byte) (payload[i] ^ mask[i % 4]);
    }
    out.write(masked);
    out.flush();
  }

  /**
   * Sends only a frame's header announcing {@code length} payload bytes: a server that refuses the
   * frame by its header then has nothing unread, so its close frame is not lost to a reset.
   */
  public void sendHeader(int opcode, boolean rsv1, long length) throws IOException {
    header(opcode, rsv1, length);
    out.flush();
  }

  private byte[] header(int opcode, boolean rsv1, long length) throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream(14);
    frame.write(0x80 | (rsv1 ? 0x40 : 0) | opcode);
    if (length < 126) {
      frame.write(0x80 | (int) length);
    } else if (length < 65536) {
      frame.write(0x80 | 126);
      frame.write((int) (length >>> 8));
      frame.write((int) (length & 0xFF));
    } else {
      frame.write(0x80 | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame.write((int) (length >>> shift) & 0xFF);
      }
    }
    byte[] mask = new byte[4];
    RANDOM.nextBytes(mask);
    frame.write(mask);
    out.write(frame.toByteArray());
    return mask;
  }

  /** Reads the next frame (fragments are returned as they come); EOFException when closed. */
  public Frame read() throws IOException {
    int first = in.readUnsignedByte();
    int second = in.readUnsignedByte();
    long length = second & 0x7F;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = in.readLong();
    }
    byte[] payload = new byte[(int) length];
    in.readFully(payload);
    return new Frame(first & 0x0F, payload);
  }

  /** Reads frames until one whose text starts with {@code prefix}; returns its text. */
  public String awaitText(String prefix) throws IOException {
    while (true) {
      Frame frame = read();
      if (frame.opcode() == TEXT && frame.text().startsWith(prefix)) {
        return frame.text();
      }
    }
  }

  /**
   * Reads until the server closes the connection; returns the close status it sent, or -1 if it
   * just closed. Throws a SocketTimeoutException if it stays open.
   */
  public int awaitClosed() throws IOException {
    int status = -1;
    try {
      while (true) {
        Frame frame = read();
        if (frame.opcode() == CLOSE) {
          status = frame.closeStatus();
        }
      }
    } catch (EOFException | SocketException e) {
      return status;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
