package io.roomcast.e2e.docs;

import io.roomcast.backend.BackendConfig;
import io.roomcast.common.config.Setting;
import io.roomcast.common.config.SettingsTable;
import io.roomcast.embedded.EmbeddedMongoConfig;
import io.roomcast.socket.config.SocketServerConfig;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration tables in README and docs, regenerated from the components' declared settings.
 * A table sits between {@code <!-- settings: component, ... -->} and {@code <!-- /settings -->};
 * everything between the markers is generated.
 */
final class ConfigTables {
  /** Each component's declarations, by the name the markers use. */
  static final Map<String, List<Setting<?>>> COMPONENTS =
      Map.of(
          "embedded-mongo", EmbeddedMongoConfig.SETTINGS,
          "socket-server", SocketServerConfig.SETTINGS,
          "backend", BackendConfig.SETTINGS);

  private static final Pattern TABLE =
      Pattern.compile(
          "(<!-- settings: ([a-z, -]+) -->\n)(.*?)(<!-- /settings -->)", Pattern.DOTALL);

  private ConfigTables() {}

  /** The text with every marked table regenerated. */
  static String regenerate(String text) {
    Matcher matcher = TABLE.matcher(text);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String table = table(matcher.group(2));
      matcher.appendReplacement(
          result, Matcher.quoteReplacement(matcher.group(1) + table + matcher.group(4)));
    }
    matcher.appendTail(result);
    return result.toString();
  }

  /** How many marked tables the text holds. */
  static long count(String text) {
    return TABLE.matcher(text).results().count();
  }

  private static String table(String components) {
    SettingsTable table = new SettingsTable();
    for (String component : components.split(",")) {
      String name = component.trim();
      List<Setting<?>> declared = COMPONENTS.get(name);
      if (declared == null) {
        throw new IllegalArgumentException("no component '" + name + "' in a settings marker");
      }
      table.add(name, declared);
    }
    return table.markdown();
  }
}
