package io.roomcast.common.config;

/**
 * A setting that cannot be used. The message is one line that names the variable, the value given
 * and what would be accepted, so that it can be printed as it is when startup stops.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message, null, false, false);
  }
}
