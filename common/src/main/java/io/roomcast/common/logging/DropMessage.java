package io.roomcast.common.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Marker;

/**
 * Drops the messages of one logger whose text starts with one of the given prefixes, and nothing
 * else of that logger: for a library line that must not reach the log (one that quotes what a
 * client sent) while the rest of the library's logger stays on. Configured in logback.xml:
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
  private final List<String> messageStarts = new ArrayList<>();

  public void setLoggerName(String loggerName) {
    this.loggerName = loggerName;
  }

  /** One prefix of the messages to drop; repeat the element for several. */
  public void addMessageStart(String messageStart) {
    messageStarts.add(messageStart);
  }

  @Override
  public void start() {
    if (loggerName == null || messageStarts.isEmpty()) {
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
            && messageStarts.stream().anyMatch(format::startsWith);
    return drop ? FilterReply.DENY : FilterReply.NEUTRAL;
  }
}
