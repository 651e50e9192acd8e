package io.roomcast.socket.guard;

import java.net.SocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a client's protocol error is logged: one short WARN line with the client's address
 * and the kind of error, never the payload nor a stack trace, at most {@link #LINES_PER_SECOND} per
 * second; the lines dropped beyond that are counted in one "suppressed" line when the next second
 * starts. A client can therefore neither flood the log nor write its own text into it.
 */
public final class ProtocolErrorLog {
  public static final int LINES_PER_SECOND = 10;

  private static final Logger LOG = LoggerFactory.getLogger(ProtocolErrorLog.class);
  private static final int MAX_KIND_CHARS = 120;
  private static final long SECOND_NANOS = 1_000_000_000L;

  private static final ProtocolErrorLog SHARED = new ProtocolErrorLog(System::nanoTime);

  private final java.util.function.LongSupplier clock;
  private long windowStart;
  private int linesInWindow;
  private long suppressed;

  ProtocolErrorLog(java.util.function.LongSupplier clock) {
    this.clock = clock;
    this.windowStart = clock.getAsLong();
  }

  /** The process-wide log: the rate limit holds across every handler that reports. */
  public static ProtocolErrorLog shared() {
    return SHARED;
  }

  /**
   * Logs that the client at {@code client} made a protocol error of the given kind (a short fixed
   * description chosen by the caller, or an exception's class: never client text).
   */
  public void warn(SocketAddress client, String kind) {
    long dropped;
    synchronized (this) {
      long now = clock.getAsLong();
      dropped = 0;
      if (now - windowStart >= SECOND_NANOS) {
        windowStart = now;
        linesInWindow = 0;
        dropped = suppressed;
        suppressed = 0;
      }
      if (linesInWindow >= LINES_PER_SECOND) {
        suppressed++;
        return;
      }
      linesInWindow++;
    }
    if (dropped > 0) {
      LOG.warn("suppressed {} more client protocol error lines", dropped);
    }
    LOG.warn("client {}: {}", client, shorten(kind));
  }

  /**
   * The kind of error an exception stands for: its class, never its message (it may quote input).
   */
  public static String kindOf(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == error
        ? error.getClass().getSimpleName()
        : error.getClass().getSimpleName() + " (" + root.getClass().getSimpleName() + ")";
  }

  private static String shorten(String kind) {
    String printable = kind.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= MAX_KIND_CHARS
        ? printable
        : printable.substring(0, MAX_KIND_CHARS) + "…";
  }
}
