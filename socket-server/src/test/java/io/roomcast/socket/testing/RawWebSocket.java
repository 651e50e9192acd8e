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
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A websocket client on a plain {@link Socket}, for tests that must misbehave where a real client
 * cannot: offer extensions, send raw or compressed frames, or stop reading altogether (with a small
 * receive buffer, so the server's writes back up quickly). It reads compressed frames too: {@link
 * Frame#inflatedText()}.
 */
public final class RawWebSocket implements AutoCloseable {
  public static final int TEXT = 1;
  public static final int CLOSE = 8;

  /** A frame as received; {@code rsv1}: compressed (permessage-deflate). */
  public record Frame(int opcode, boolean rsv1, byte[] payload) {
    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    /**
     * The text of a whole message in one frame, inflated if it is compressed: as a client does, the
     * payload plus the sync flush's tail the server removed (RFC 7692 7.2.2).
     */
    public String inflatedText() {
      if (!rsv1) {
        return text();
      }
      Inflater inflater = new Inflater(true);
      try {
        byte[] input = Arrays.copyOf(payload, payload.length + FLUSH_TAIL.length);
        System.arraycopy(FLUSH_TAIL, 0, input, payload.length, FLUSH_TAIL.length);
        inflater.setInput(input);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        for (int inflated = -1;
            inflated != 0 || !(inflater.needsInput() || inflater.finished()); ) {
          inflated = inflater.inflate(chunk);
          if (inflated == 0 && inflater.needsDictionary()) {
            throw new IllegalStateException("asks for a dictionary");
          }
          text.write(chunk, 0, inflated);
        }
        return text.toString(StandardCharsets.UTF_8);
      } catch (DataFormatException e) {
        throw new IllegalStateException("does not inflate", e);
      } finally {
        inflater.end();
      }
    }

    /** The status code of a close frame, or -1. */
    public int closeStatus() {
      return opcode == CLOSE && payload.length >= 2
          ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF)
          : -1;
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] FLUSH_TAIL = {0, 0, (byte) 0xFF, (byte) 0xFF};

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
    sendFrame(true, opcode, rsv1, payload);
  }

  /** Sends one frame, final or not (opcode 0: a continuation). */
  public void sendFrame(boolean fin, int opcode, boolean rsv1, byte[] payload) throws IOException {
    byte[] mask = header(fin, opcode, rsv1, payload.length);
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
    header(true, opcode, rsv1, length);
    out.flush();
  }

  private byte[] header(boolean fin, int opcode, boolean rsv1, long length) throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream(14);
    frame.write((fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | opcode);
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
    return new Frame(first & 0x0F, (first & 0x40) != 0, payload);
  }

  /** Reads frames until one whose inflated text starts with {@code prefix}. */
  public Frame awaitFrame(String prefix) throws IOException {
    while (true) {
      Frame frame = read();
      if (frame.opcode() == TEXT && frame.inflatedText().startsWith(prefix)) {
        return frame;
      }
    }
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
