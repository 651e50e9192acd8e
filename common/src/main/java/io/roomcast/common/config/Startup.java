package io.roomcast.common.config;

import java.util.function.Supplier;

/** How every Roomcast entry point turns a bad setting into one line and a non-zero exit. */
public final class Startup {
  /** Exit code for a configuration error, as sysexits' EX_CONFIG. */
  public static final int EXIT_CONFIG = 78;

  private Startup() {}

  /**
   * Reads the configuration, or prints the one-line reason to stderr and exits with {@link
   * #EXIT_CONFIG}.
   */
  public static <T> T configOrExit(String program, Supplier<T> reader) {
    try {
      return reader.get();
    } catch (ConfigException e) {
      System.err.println(program + ": " + e.getMessage());
      System.exit(EXIT_CONFIG);
      throw e; // unreachable: System.exit does not return
    }
  }
}
