package io.roomcast.socket.testing;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A Socket.IO v2 protocol (Engine.IO v3) client on a {@link RawWebSocket}, as an older application
 * would be: one thread connects, joins, reads until the connection ends, then connects again after
 * a short pause. Events carry exactly {@code [event, body, meta]}. It sends no pings: each session
 * in these tests lasts seconds, well inside the server's ping window.
 */
final class Eio3RejoiningClient extends RejoiningClient {
  private static final Duration RECONNECT_DELAY = Duration.ofMillis(100);

  private final int port;
  private final Thread thread;
  private volatile boolean closed;

  /** Written by the client's thread only; {@link #close} closes it to end a blocked read. */
  private volatile RawWebSocket current;

  Eio3RejoiningClient(String url, String room, boolean since, Tally tally) {
    super(room, since, tally);
    this.port = URI.create(url).getPort();
    this.thread = new Thread(this::run, "eio3-client-" + port);
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    while (!closed) {
      try (RawWebSocket socket = RawWebSocket.connected(port, 3, 0)) {
        current = socket;
        if (closed) {
          return;
        }
        socket.sendText("420[\"JoinRoom\"," + JSON.writeValueAsString(joinPayload()) + "]");
        while (true) {
          received(socket.read());
        }
      } catch (IOException e) {
        // dropped, or the server is not there (yet): try again, as socket.io-client would
        LockSupport.parkNanos(RECONNECT_DELAY.toNanos());
      }
    }
  }

  private void received(RawWebSocket.Frame frame) throws IOException {
    String text = frame.opcode() == RawWebSocket.TEXT ? frame.text() : "";
    if (text.startsWith("430[")) {
      acked(JSON.readTree(text.substring(3)).get(0));
    } else {
      tally.recordPacket(text);
    }
  }

  @Override
  public RejoiningClient moveTo(String url) {
    return new Eio3RejoiningClient(url, room, true, tally);
  }

  @Override
  public String toString() {
    return "EIO=3, " + super.toString();
  }

  @Override
  public void close() {
    closed = true;
    RawWebSocket socket = current;
    try {
      if (socket != null) {
        socket.close();
      }
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (IOException e) {
      // already closed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
