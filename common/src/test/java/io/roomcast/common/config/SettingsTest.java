package io.roomcast.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
  @Test
  void defaultsApplyWhenUnset() {
    Settings settings = Settings.from(Map.of());
    assertEquals(8083, settings.integer("SOCKET_PORT", 8083, 1, 65535));
    assertEquals("x", settings.string("NAME", "x"));
    assertEquals(List.of("app"), settings.list("WATCH_DATABASES", "app"));
  }

  @Test
  void flagsOverrideEnvironmentInBothForms() {
    Map<String, String> env = Map.of("SOCKET_PORT", "1000", "NAME", "env");
    Settings settings = Settings.from(env, "--socket-port=2000", "--name", "flag");
    assertEquals(2000, settings.integer("SOCKET_PORT", 8083, 1, 65535));
    assertEquals("flag", settings.string("NAME", "x"));
  }

  @Test
  void listsAreTrimmed() {
    Settings settings = Settings.from(Map.of("DBS", " app , other"));
    assertEquals(List.of("app", "other"), settings.list("DBS", "app"));
  }

  @Test
  void invalidValuesNameTheVariableAndTheLimit() {
    Settings settings =
        Settings.from(Map.of("PORT", "abc", "BIG", "70000", "EMPTY", " ", "LIST", "a,,b"));
    ConfigException notNumber =
        assertThrows(ConfigException.class, () -> settings.integer("PORT", 1, 1, 65535));
    assertEquals("invalid PORT='abc': expected an integer from 1 to 65535", notNumber.getMessage());
    ConfigException tooBig =
        assertThrows(ConfigException.class, () -> settings.integer("BIG", 1, 1, 65535));
    assertEquals("invalid BIG='70000': expected an integer from 1 to 65535", tooBig.getMessage());
    assertThrows(ConfigException.class, () -> settings.string("EMPTY", "x"));
    assertThrows(ConfigException.class, () -> settings.list("LIST", "x"));
  }

  @Test
  void unknownAndMalformedFlagsAreRejected() {
    ConfigException unknown =
        assertThrows(
            ConfigException.class,
            () ->
                Settings.from(Map.of(), "--sokcet-port=1")
                    .rejectUnknownFlags(List.of(Setting.integer("SOCKET_PORT", 1, 0, 9, "port"))));
    assertEquals(true, unknown.getMessage().startsWith("unknown flag --sokcet-port"));
    assertThrows(ConfigException.class, () -> Settings.from(Map.of(), "positional"));
    assertThrows(ConfigException.class, () -> Settings.from(Map.of(), "--dangling"));
  }
}
