package io.roomcast.common.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One declared setting: its environment name, what it accepts, its default and a one-line
 * description. A component's typed configuration reads every value through its declarations, and
 * the configuration tables in README and docs are generated from the same declarations, so the two
 * cannot drift.
 *
 * @param <T> the typed value
 */
public final class Setting<T> {
  private final String name;
  private final String defaultText;
  private final String description;
  private final boolean secret;
  private final Function<Settings, T> reader;

  private Setting(
      String name,
      String defaultText,
      String description,
      boolean secret,
      Function<Settings, T> reader) {
    this.name = Objects.requireNonNull(name);
    this.defaultText = Objects.requireNonNull(defaultText);
    this.description = Objects.requireNonNull(description);
    this.secret = secret;
    this.reader = Objects.requireNonNull(reader);
  }

  /** A non-blank, trimmed string. */
  public static Setting<String> string(String name, String defaultValue, String description) {
    return new Setting<>(name, defaultValue, description, false, s -> s.string(name, defaultValue));
  }

  /** An integer within [min, max]; the limits are named in the description's table row. */
  public static Setting<Integer> integer(
      String name, int defaultValue, int min, int max, String description) {
    return new Setting<>(
        name,
        Integer.toString(defaultValue),
        description + " (" + min + "–" + max + ")",
        false,
        s -> s.integer(name, defaultValue, min, max));
  }

  /** A long within [min, max]. */
  public static Setting<Long> number(
      String name, long defaultValue, long min, long max, String description) {
    String limits = max == Long.MAX_VALUE ? "at least " + min : min + "–" + max;
    return new Setting<>(
        name,
        Long.toString(defaultValue),
        description + " (" + limits + ")",
        false,
        s -> s.number(name, defaultValue, min, max));
  }

  /** A non-blank, trimmed string, or empty when unset (there is no default). */
  public static Setting<Optional<String>> optional(String name, String description) {
    return new Setting<>(
        name, "", description, false, s -> Optional.ofNullable(s.string(name, null)));
  }

  /** {@code true} or {@code false} (any case). */
  public static Setting<Boolean> flag(String name, boolean defaultValue, String description) {
    return string(name, Boolean.toString(defaultValue), description)
        .map(
            value -> {
              if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(value);
              }
              throw new InvalidValue(value, "true or false");
            });
  }

  /** A comma-separated list with no empty items. */
  public static Setting<List<String>> list(String name, String defaultValue, String description) {
    return new Setting<>(name, defaultValue, description, false, s -> s.list(name, defaultValue));
  }

  /** This setting parsed further; the parser throws {@link InvalidValue} for a value it refuses. */
  public <R> Setting<R> map(Function<? super T, ? extends R> parser) {
    return new Setting<>(
        name, defaultText, description, secret, s -> parser.apply(reader.apply(s)));
  }

  /**
   * The same setting, whose value is never repeated in an error message (it may hold a password).
   */
  public Setting<T> secret() {
    return new Setting<>(name, defaultText, description, true, reader);
  }

  /** Reads and validates; throws a one-line {@link ConfigException} naming the variable. */
  public T read(Settings settings) {
    try {
      return reader.apply(settings);
    } catch (InvalidValue e) {
      if (secret) {
        throw new ConfigException("invalid " + name + ": expected " + e.expected());
      }
      throw Settings.invalid(name, e.value(), e.expected());
    }
  }

  public String name() {
    return name;
  }

  /** The default as documented; empty when unset means "derived" (the description says how). */
  public String defaultText() {
    return defaultText;
  }

  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return name;
  }
}
