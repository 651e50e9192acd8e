package io.roomcast.common.config;

import java.util.function.Supplier;

/**
 * How every Roomcast entry point turns a failed start into one line on stderr and a non-zero exit,
 * instead of a stack trace and a JVM kept alive by half-started threads.
 */
public final class Startup {
  /** Exit code for a configuration error, as sysexits' EX_CONFIG. */
  public static final int EXIT_CONFIG = 78;

  /** Exit code when the configuration is fine but starting failed (port in use, no database). */
  public static final int EXIT_START_FAILED = 1;

  private Startup() {}

  /**
   * Reads the configuration, or prints the one-line reason to stderr and exits with {@link
   * #EXIT_CONFIG}.
   */
  public static <T> T configOrExit(String program, Supplier<T> reader) {
    try {
      return reader.get();
    } catch (ConfigException e) {
      return exit(program, e.getMessage(), EXIT_CONFIG);
    }
  }

  /**
   * Starts something, or prints {@code program: could not start: <root cause>} to stderr and exits
   * with {@link #EXIT_START_FAILED}. The cause is expected (a port in use, a database that cannot
   * be reached), so it gets one line rather than a stack trace.
   */
  public static <T> T startOrExit(String program, Supplier<T> starter) {
    try {
      return starter.get();
    } catch (RuntimeException e) {
      return exit(program, "could not start: " + rootMessage(e), EXIT_START_FAILED);
    }
  }

  private static <T> T exit(String program, String message, int code) {
    System.err.println(program + ": " + message);
    System.exit(code);
    throw new IllegalStateException("unreachable: System.exit returned");
  }

  /**
   * What an operator can act on: the failure's own message, with its innermost cause when that adds
   * something (a bind error under a driver or server exception, say).
   */
  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String top = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String cause = root.getMessage();
    if (root == e || cause == null || top.contains(cause)) {
      return top;
    }
    return top + " (" + root.getClass().getSimpleName() + ": " + cause + ")";
  }
}
