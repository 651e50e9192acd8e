package io.roomcast.socket.fuzz;

import io.roomcast.socket.testing.JdkWebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Sends fuzz frames over a few websocket sessions of both Engine.IO versions; a session the server
 * closed (as it may, for a close packet or a broken frame) is replaced by a new one.
 */
final class WebsocketFuzzer implements AutoCloseable {
  private static final int SESSIONS = 4;
  private static final int FLUSH_EVERY = 256;

  private final int port;
  private final Random random;
  private final FrameMutator frames;
  private final List<JdkWebSocket> sessions = new ArrayList<>();
  private long sent;
  private long sessionsOpened;

  WebsocketFuzzer(int port, Random random) {
    this.port = port;
    this.random = random;
    this.frames = new FrameMutator(random);
  }

  /** Sends {@code count} frames (text mostly, binary a fifth of the time). */
  void send(long count) throws Exception {
    for (long i = 0; i < count; i++) {
      JdkWebSocket session = session(random.nextInt(SESSIONS));
      if (random.nextInt(5) == 0) {
        session.sendBinary(frames.binary());
      } else {
        session.sendText(frames.text());
      }
      sent++;
      if (sent % FLUSH_EVERY == 0) {
        flushAll();
      }
    }
    flushAll();
  }

  private JdkWebSocket session(int index) throws Exception {
    while (sessions.size() <= index) {
      sessions.add(open());
    }
    JdkWebSocket session = sessions.get(index);
    if (session.isClosed()) {
      session.close();
      session = open();
      sessions.set(index, session);
    }
    return session;
  }

  private JdkWebSocket open() throws Exception {
    sessionsOpened++;
    return JdkWebSocket.open(port, random.nextBoolean() ? "4" : "3", Map.of());
  }

  /** Waits for the sends; a session that failed meanwhile is replaced at its next use. */
  private void flushAll() {
    for (JdkWebSocket session : sessions) {
      try {
        session.flush();
      } catch (Exception closedByServer) {
        // replaced at its next use
      }
    }
  }

  long sent() {
    return sent;
  }

  long sessionsOpened() {
    return sessionsOpened;
  }

  @Override
  public void close() {
    sessions.forEach(JdkWebSocket::close);
  }
}
