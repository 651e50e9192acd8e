package io.roomcast.common.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Raw settings from environment variables and command-line flags, read into typed values once at
 * startup. Every setting has an environment name such as {@code SOCKET_PORT}; the flag {@code
 * --socket-port=8083} (or {@code --socket-port 8083}) sets the same value and wins over the
 * environment. Each typed getter validates and throws {@link ConfigException} naming the variable.
 */
public final class Settings {
  private final Map<String, String> values;
  private final Set<String> flagNames;

  private Settings(Map<String, String> values, Set<String> flagNames) {
    this.values = values;
    this.flagNames = flagNames;
  }

  /** Settings from this process's environment and the given arguments. */
  public static Settings fromProcess(String[] args) {
    return from(System.getenv(), args);
  }

  /** Settings from an explicit environment, for tests and embedding. */
  public static Settings from(Map<String, String> env, String... args) {
    Map<String, String> values = new HashMap<>(env);
    Set<String> flagNames = new TreeSet<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new ConfigException(
            "unexpected argument '" + arg + "': flags look like --name=value");
      }
      int eq = arg.indexOf('=');
      String flag = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
      String value;
      if (eq >= 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new ConfigException("flag --" + flag + " needs a value");
      }
      String name = flag.toUpperCase(Locale.ROOT).replace('-', '_');
      values.put(name, value);
      flagNames.add(name);
    }
    return new Settings(values, flagNames);
  }

  /**
   * Fails on a flag that names no known setting, so that a typo does not silently leave a default
   * in place. Environment variables are not checked: the environment holds many unrelated ones.
   */
  public Settings rejectUnknownFlags(Collection<Setting<?>> declared) {
    Set<String> known = new TreeSet<>();
    declared.forEach(setting -> known.add(setting.name()));
    for (String name : flagNames) {
      if (!known.contains(name)) {
        String flag = "--" + name.toLowerCase(Locale.ROOT).replace('_', '-');
        throw new ConfigException("unknown flag " + flag + "; known settings: " + known);
      }
    }
    return this;
  }

  /** A non-blank string, or the default when unset. */
  public String string(String name, String defaultValue) {
    String value = values.get(name);
    if (value == null) {
      return defaultValue;
    }
    if (value.isBlank()) {
      throw invalid(name, value, "a non-empty value");
    }
    return value.trim();
  }

  /** An integer within [min, max], or the default when unset. */
  public int integer(String name, int defaultValue, int min, int max) {
    return (int) number(name, defaultValue, min, max);
  }

  /** A long within [min, max], or the default when unset. */
  public long number(String name, long defaultValue, long min, long max) {
    String value = values.get(name);
    if (value == null) {
      return defaultValue;
    }
    String expected = "an integer from " + min + " to " + max;
    try {
      long parsed = Long.parseLong(value.trim());
      if (parsed < min || parsed > max) {
        throw invalid(name, value, expected);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw invalid(name, value, expected);
    }
  }

  /** A comma-separated list of non-empty, trimmed items; at least one item. */
  public List<String> list(String name, String defaultValue) {
    String value = values.getOrDefault(name, defaultValue);
    List<String> items = new ArrayList<>();
    for (String item : value.split(",", -1)) {
      if (item.isBlank()) {
        throw invalid(name, value, "a comma-separated list with no empty items");
      }
      items.add(item.trim());
    }
    return Collections.unmodifiableList(items);
  }

  /** A ConfigException naming the variable, the value given and what is accepted. */
  public static ConfigException invalid(String name, String value, String expected) {
    return new ConfigException("invalid " + name + "='" + value + "': expected " + expected);
  }
}
