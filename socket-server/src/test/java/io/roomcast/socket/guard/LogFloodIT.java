package io.roomcast.socket.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.testing.CapturedLog;
import io.roomcast.socket.SocketServer;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.JdkWebSocket;
import io.roomcast.socket.testing.RawPolling;
import io.roomcast.socket.testing.SocketServers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * 2,000 malformed packets, over websocket and polling, leave a short log: no ERROR, no payload, no
 * stack trace, at most about ten protocol error lines a second, none longer than 300 characters.
 */
class LogFloodIT {
  private static final String MARKER = "PAYLOAD-MARKER-7f3a";
  private static final int PACKETS_PER_TRANSPORT = 1_000;
  private static final String[] MALFORMED = {
    "42[\"Check\",\"" + MARKER, "4" + MARKER, "42" + MARKER, "451-[\"Check\",{\"" + MARKER,
    "43" + MARKER, "49" + MARKER, "9" + MARKER, "4{\"" + MARKER + "\":1}"
  };

  @Test
  void malformedPacketsLeaveOneShortRateLimitedWarnLineEach() throws Exception {
    try (EmbeddedMongo mongo = EmbeddedMongo.start();
        SocketServer server = SocketServers.start(mongo.connectionString());
        CapturedLog log = CapturedLog.all()) {
      long started = System.nanoTime();
      sendOverWebsocket(server.port());
      sendOverPolling(server.port());
      double seconds = (System.nanoTime() - started) / 1e9;

      try (JavaClient client =
          JavaClient.connect(SocketServers.url(server), "websocket").awaitConnected()) {
        assertTrue(client.join(UUID.randomUUID().toString()).path("ok").asBoolean());
      }
      assertLogIsShort(log.events(), seconds);
    }
  }

  @Test
  void libraryLoggersStayOnAtWarn() {
    for (String name :
        List.of(
            "com.corundumstudio.socketio.handler.InPacketHandler",
            "com.corundumstudio.socketio.transport.PollingTransport",
            "com.corundumstudio.socketio.SocketIOServer")) {
      Logger logger = (Logger) LoggerFactory.getLogger(name);
      assertEquals(Level.WARN, logger.getEffectiveLevel(), name);
    }
  }

  private static void sendOverWebsocket(int port) throws Exception {
    JdkWebSocket socket = connected(port);
    for (int i = 0; i < PACKETS_PER_TRANSPORT; i++) {
      if (socket.isClosed()) {
        socket = connected(port);
      }
      if (i % 10 == 9) {
        socket.sendBinary((MARKER + i).getBytes(StandardCharsets.UTF_8));
      } else {
        socket.sendText(MALFORMED[i % MALFORMED.length] + i);
      }
    }
    socket.flush();
    socket.close();
  }

  private static JdkWebSocket connected(int port) throws Exception {
    JdkWebSocket socket = JdkWebSocket.open(port);
    socket.sendText("40");
    socket.awaitMessage("40");
    return socket;
  }

  private static void sendOverPolling(int port) throws Exception {
    String sid = RawPolling.open(port);
    RawPolling.post(port, sid, "40");
    for (int i = 0; i < PACKETS_PER_TRANSPORT; i++) {
      String payload = MALFORMED[i % MALFORMED.length] + i;
      if (RawPolling.post(port, sid, payload + "\u001e" + payload).status() != 200) {
        sid = RawPolling.open(port);
        RawPolling.post(port, sid, "40");
      }
    }
  }

  private static void assertLogIsShort(List<ILoggingEvent> events, double seconds) {
    long protocolErrorLines = 0;
    for (ILoggingEvent event : events) {
      String line = event.getLoggerName() + " - " + event.getFormattedMessage();
      assertTrue(event.getLevel().isGreaterOrEqual(Level.ERROR) == false, "ERROR: " + line);
      assertTrue(!line.contains(MARKER), "payload in the log: " + line);
      assertTrue(line.length() <= 300, "long line: " + line);
      if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
        assertEquals(null, event.getThrowableProxy(), "stack trace with: " + line);
      }
      if (event.getLoggerName().equals(ProtocolErrorLog.class.getName())) {
        protocolErrorLines++;
      }
    }
    assertTrue(protocolErrorLines > 0, "the errors were logged at all");
    long allowed = (long) ((seconds + 2) * (ProtocolErrorLog.LINES_PER_SECOND + 1));
    assertTrue(
        protocolErrorLines <= allowed,
        protocolErrorLines + " protocol error lines in " + seconds + " s");
    System.out.printf(
        "%d log events, %d protocol error lines in %.1f s%n",
        events.size(), protocolErrorLines, seconds);
  }
}
