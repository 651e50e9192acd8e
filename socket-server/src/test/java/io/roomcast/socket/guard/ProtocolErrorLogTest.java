package io.roomcast.socket.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.roomcast.embedded.testing.CapturedLog;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProtocolErrorLogTest {
  private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 4242);

  @Test
  void atMostTenLinesASecondThenOneSuppressedLine() {
    AtomicLong nanos = new AtomicLong();
    ProtocolErrorLog log = new ProtocolErrorLog(nanos::get);
    try (CapturedLog captured = CapturedLog.all()) {
      for (int i = 0; i < 1000; i++) {
        log.warn(CLIENT, "protocol error: IllegalStateException");
      }
      nanos.addAndGet(1_000_000_000L);
      log.warn(CLIENT, "refused: unknown_sid");
      List<String> lines = lines(captured.events());
      assertEquals(12, lines.size(), String.valueOf(lines));
      assertEquals("suppressed 990 more client protocol error lines", lines.get(10));
      assertEquals("client /127.0.0.1:4242: refused: unknown_sid", lines.get(11));
    }
  }

  @Test
  void aKindIsShortAndPrintable() {
    ProtocolErrorLog log = new ProtocolErrorLog(System::nanoTime);
    try (CapturedLog captured = CapturedLog.all()) {
      log.warn(CLIENT, "x\n\u001b[31m".repeat(200));
      String line = lines(captured.events()).get(0);
      assertTrue(line.length() < 200, line);
      assertTrue(line.chars().noneMatch(Character::isISOControl), line);
    }
  }

  @Test
  void theKindOfAnExceptionIsItsClassNeverItsMessage() {
    Exception error = new IllegalStateException("quoted payload", new NumberFormatException("1x"));
    assertEquals("IllegalStateException (NumberFormatException)", ProtocolErrorLog.kindOf(error));
  }

  private static List<String> lines(List<ILoggingEvent> events) {
    return events.stream()
        .filter(e -> e.getLoggerName().equals(ProtocolErrorLog.class.getName()))
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }
}
