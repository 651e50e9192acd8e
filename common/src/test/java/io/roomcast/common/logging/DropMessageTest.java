package io.roomcast.common.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class DropMessageTest {
  private final LoggerContext context = new LoggerContext();
  private final Logger quoted = context.getLogger("lib.Decoder");
  private final Logger other = context.getLogger("lib.Other");

  @Test
  void dropsOnlyTheConfiguredMessagesOfTheConfiguredLogger() {
    DropMessage filter = new DropMessage();
    filter.setContext(context);
    filter.setLoggerName("lib.Decoder");
    filter.addMessageStart("Can't read value");
    filter.addMessageStart("Error during");
    filter.start();
    assertEquals(FilterReply.DENY, decide(filter, quoted, "Can't read value: secret"));
    assertEquals(FilterReply.DENY, decide(filter, quoted, "Error during data processing"));
    assertEquals(FilterReply.NEUTRAL, decide(filter, quoted, "Something else {}"));
    assertEquals(FilterReply.NEUTRAL, decide(filter, other, "Can't read value: secret"));
    assertEquals(FilterReply.NEUTRAL, decide(filter, quoted, null));
  }

  @Test
  void doesNotStartHalfConfigured() {
    DropMessage filter = new DropMessage();
    filter.setContext(context);
    filter.setLoggerName("lib.Decoder");
    filter.start();
    assertEquals(false, filter.isStarted());
  }

  private static FilterReply decide(DropMessage filter, Logger logger, String format) {
    return filter.decide(null, logger, Level.ERROR, format, null, null);
  }
}
