package io.roomcast.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingTest {
  private static final Setting<Integer> EVEN =
      Setting.integer("EVEN", 2, 0, 10, "an even number")
          .map(
              n -> {
                if (n % 2 != 0) {
                  throw new InvalidValue(Integer.toString(n), "an even number");
                }
                return n;
              });

  @Test
  void readsTheDefaultOrTheValue() {
    assertEquals(2, EVEN.read(Settings.from(Map.of())));
    assertEquals(8, EVEN.read(Settings.from(Map.of(), "--even=8")));
  }

  @Test
  void aParserRefusalNamesTheVariableOnOneLine() {
    ConfigException error =
        assertThrows(ConfigException.class, () -> EVEN.read(Settings.from(Map.of("EVEN", "3"))));
    assertEquals("invalid EVEN='3': expected an even number", error.getMessage());
    assertThrows(ConfigException.class, () -> EVEN.read(Settings.from(Map.of("EVEN", "11"))));
  }

  @Test
  void aSecretValueIsNeverRepeated() {
    ConfigException error =
        assertThrows(
            ConfigException.class,
            () ->
                SharedSettings.MONGODB_URI.read(
                    Settings.from(Map.of("MONGODB_URI", "mongodb://u:s3cret@h:99999"))));
    assertTrue(error.getMessage().startsWith("invalid MONGODB_URI: expected"), error.getMessage());
    assertFalse(error.getMessage().contains("s3cret"), error.getMessage());
  }

  @Test
  void theTableListsEachVariableOnceWithItsUsers() {
    Setting<String> own = Setting.string("OWN", "", "only one | user");
    String table =
        new SettingsTable()
            .add("a", List.of(SharedSettings.UUID_FIELD, EVEN))
            .add("b", List.of(SharedSettings.UUID_FIELD, own))
            .markdown();
    assertTrue(table.contains("| `UUID_FIELD` | a, b | `uuid` |"), table);
    assertTrue(table.contains("| `EVEN` | a | `2` | an even number (0–10) |"), table);
    assertTrue(table.contains("| `OWN` | b | empty | only one \\| user |"), table);
  }

  @Test
  void twoDeclarationsOfOneNameAreRefused() {
    SettingsTable table = new SettingsTable().add("a", List.of(EVEN));
    Setting<String> twin = Setting.string("EVEN", "2", "again");
    assertThrows(IllegalStateException.class, () -> table.add("b", List.of(twin)));
  }
}
