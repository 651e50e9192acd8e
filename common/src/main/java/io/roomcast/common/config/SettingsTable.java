package io.roomcast.common.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Markdown configuration table generated from declared settings: one row per variable, with the
 * components that read it. README and the docs embed these tables between markers; a test
 * regenerates them and fails when a file differs.
 */
public final class SettingsTable {
  private final Map<String, Setting<?>> settings = new LinkedHashMap<>();
  private final Map<String, List<String>> users = new LinkedHashMap<>();

  /** Adds a component's declared settings; a setting shared by several lists one row. */
  public SettingsTable add(String component, List<Setting<?>> declared) {
    for (Setting<?> setting : declared) {
      Setting<?> known = settings.putIfAbsent(setting.name(), setting);
      if (known != null && known != setting) {
        throw new IllegalStateException(
            setting.name() + " is declared twice; declare it once and share the declaration");
      }
      users.computeIfAbsent(setting.name(), name -> new ArrayList<>()).add(component);
    }
    return this;
  }

  /** The table, header included, each line ending in a newline. */
  public String markdown() {
    StringBuilder table = new StringBuilder();
    table.append("| variable | used by | default | meaning |\n");
    table.append("|---|---|---|---|\n");
    for (Setting<?> setting : settings.values()) {
      table
          .append("| `")
          .append(setting.name())
          .append("` | ")
          .append(String.join(", ", users.get(setting.name())))
          .append(" | ")
          .append(setting.defaultText().isEmpty() ? "empty" : "`" + setting.defaultText() + "`")
          .append(" | ")
          .append(setting.description().replace("|", "\\|"))
          .append(" |\n");
    }
    return table.toString();
  }
}
