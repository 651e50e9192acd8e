package io.roomcast.common.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops the messages of one logger whose text starts with a given prefix, and nothing else of that
 * logger: for a library line that must not reach the log (one that quotes what a client sent) while
 * the rest of the library's logger stays on. Configured in logback.xml:
 *
 * <pre>{@code
 * <turboFilter class="io.roomcast.common.logging.DropMessage">
 *   <loggerName>com.example.Handler</loggerName>
 *   <messageStart>Error during data processing</messageStart>
 * </turboFilter>
 * }</pre>
 */
public final class DropMessage extends TurboFilter {
  private String loggerName;
  private String messageStart;

  public void setLoggerName(String loggerName) {
    this.loggerName = loggerName;
  }

  public void setMessageStart(String messageStart) {
    this.messageStart = messageStart;
  }

  @Override
  public void start() {
    if (loggerName == null || messageStart == null) {
      addError("DropMessage needs both <loggerName> and <messageStart>");
      return;
    }
    super.start();
  }

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    boolean drop =
        format != null
            && logger != null
            && loggerName.equals(logger.getName())
            && format.startsWith(messageStart);
    return drop ? FilterReply.DENY : FilterReply.NEUTRAL;
  }
}
