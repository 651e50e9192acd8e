package io.roomcast.embedded.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The log lines one logger (or the root logger, so every logger) writes while a test runs, to check
 * what a server says, and that client input never makes it write an ERROR or a stack trace.
 */
public final class CapturedLog implements AutoCloseable {
  private final Logger logger;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private CapturedLog(Logger logger) {
    this.logger = logger;
    appender.setContext(logger.getLoggerContext());
    appender.start();
    logger.addAppender(appender);
  }

  /** Everything every logger writes at its configured level. */
  public static CapturedLog all() {
    return new CapturedLog((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME));
  }

  public static CapturedLog of(Class<?> source) {
    return new CapturedLog((Logger) LoggerFactory.getLogger(source));
  }

  /** Every line so far, as {@code LEVEL message}. */
  public List<String> lines() {
    return events().stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
  }

  /** The formatted messages at exactly this level. */
  public List<String> lines(Level level) {
    return events().stream()
        .filter(e -> e.getLevel() == level)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  /** ERROR lines and lines carrying a stack trace, as "LEVEL logger: message". */
  public List<String> errorsAndStackTraces() {
    return events().stream()
        .filter(e -> e.getLevel() == Level.ERROR || e.getThrowableProxy() != null)
        .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage())
        .toList();
  }

  /** The events so far (a copy: the list is appended to from server threads). */
  public List<ILoggingEvent> events() {
    synchronized (appender) { // AppenderBase appends under this lock
      return List.copyOf(appender.list);
    }
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    appender.stop();
  }
}
