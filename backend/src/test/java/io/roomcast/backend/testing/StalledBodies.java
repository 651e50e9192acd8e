package io.roomcast.backend.testing;

import io.roomcast.embedded.testing.Http;
import io.roomcast.embedded.testing.RawHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Slowloris clients: connections that send the head of a {@code POST /update} announcing a body,
 * and the first bytes of it, then nothing more.
 */
public final class StalledBodies implements AutoCloseable {
  static final int ANNOUNCED_BYTES = 64;
  static final String SENT_PART = "{\"data\":";

  private final List<Socket> sockets = new ArrayList<>();

  private StalledBodies() {}

  /** Opens {@code count} connections; a read of their reply fails after {@code readTimeout}. */
  public static StalledBodies open(String baseUrl, int count, Duration readTimeout) {
    StalledBodies stalled = new StalledBodies();
    try {
      for (int i = 0; i < count; i++) {
        Socket socket = RawHttp.connect(baseUrl, readTimeout);
        stalled.sockets.add(socket);
        String head =
            "POST /update HTTP/1.1\r\nHost: backend\r\nContent-Type: application/json\r\n"
                + "Content-Length: "
                + ANNOUNCED_BYTES
                + "\r\n\r\n"
                + SENT_PART;
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
      }
      return stalled;
    } catch (IOException | RuntimeException e) {
      stalled.close();
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  /** How many have received nothing yet (no reply, no close). */
  public int stillWaiting() {
    int waiting = 0;
    for (Socket socket : sockets) {
      try {
        waiting += socket.getInputStream().available() == 0 ? 1 : 0;
      } catch (IOException e) {
        // A reset connection has received something: the server's close.
      }
    }
    return waiting;
  }

  /** Each connection's reply, in order; each read waits at most the read timeout. */
  public List<Http.Reply> replies() {
    List<Http.Reply> replies = new ArrayList<>();
    for (Socket socket : sockets) {
      try {
        replies.add(RawHttp.readReply(socket.getInputStream()));
      } catch (IOException e) {
        throw new UncheckedIOException("no reply on a stalled connection", e);
      }
    }
    return replies;
  }

  /** Whether the server closed every connection (after its reply). */
  public boolean allClosedByServer() {
    for (Socket socket : sockets) {
      try {
        if (socket.getInputStream().read() != -1) {
          return false;
        }
      } catch (IOException e) {
        // reset by the server after its reply: closed as well
      }
    }
    return true;
  }

  @Override
  public void close() {
    for (Socket socket : sockets) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing a test socket; nothing to do
      }
    }
  }
}
