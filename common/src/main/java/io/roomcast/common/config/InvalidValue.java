package io.roomcast.common.config;

/**
 * Thrown by a {@link Setting}'s parser for a value it refuses. {@link Setting#read} turns it into
 * the one-line {@link ConfigException} that names the variable, so parsers never need the name.
 */
public final class InvalidValue extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String value;

  /**
   * @param value the offending text (the whole value, or the one list item at fault)
   * @param expected what is accepted, read after "expected"
   */
  public InvalidValue(String value, String expected) {
    super(expected, null, false, false);
    this.value = value;
  }

  /** The offending text. */
  public String value() {
    return value;
  }

  /** What is accepted instead. */
  public String expected() {
    return getMessage();
  }
}
