package io.roomcast.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.roomcast.common.config.ConfigException;
import io.roomcast.common.config.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddedMongoConfigTest {

  @Test
  void defaults() {
    EmbeddedMongoOptions options = EmbeddedMongoConfig.from(Settings.from(Map.of())).options();
    assertEquals("127.0.0.1", options.host());
    assertEquals(27017, options.port());
    assertEquals(EmbeddedMongoOptions.DEFAULT_HISTORY_EVENTS, options.historyEvents());
    assertEquals(EmbeddedMongoOptions.DEFAULT_HISTORY_BYTES, options.historyBytes());
    assertEquals(Duration.ofSeconds(60), options.ttlMonitorInterval());
  }

  @Test
  void environmentAndFlags() {
    Settings settings =
        Settings.from(
            Map.of(
                "EMBEDDED_MONGO_PORT",
                "28000",
                "EMBEDDED_MONGO_HISTORY_EVENTS",
                "10",
                "EMBEDDED_MONGO_TTL_MONITOR_INTERVAL",
                "5"),
            "--embedded-mongo-host=0.0.0.0",
            "--embedded-mongo-history-bytes=1000000");
    EmbeddedMongoOptions options = EmbeddedMongoConfig.from(settings).options();
    assertEquals("0.0.0.0", options.host());
    assertEquals(28000, options.port());
    assertEquals(10, options.historyEvents());
    assertEquals(1_000_000, options.historyBytes());
    assertEquals(Duration.ofSeconds(5), options.ttlMonitorInterval());
  }

  @Test
  void rejectsATtlMonitorIntervalOutOfRange() {
    assertRejected(
        Map.of("EMBEDDED_MONGO_TTL_MONITOR_INTERVAL", "0"), "EMBEDDED_MONGO_TTL_MONITOR_INTERVAL");
    assertRejected(
        Map.of("EMBEDDED_MONGO_TTL_MONITOR_INTERVAL", "soon"),
        "EMBEDDED_MONGO_TTL_MONITOR_INTERVAL");
  }

  @Test
  void rejectsAPortOutOfRange() {
    assertRejected(Map.of("EMBEDDED_MONGO_PORT", "70000"), "EMBEDDED_MONGO_PORT");
  }

  @Test
  void rejectsANonNumericHistoryBound() {
    assertRejected(
        Map.of("EMBEDDED_MONGO_HISTORY_EVENTS", "lots"), "EMBEDDED_MONGO_HISTORY_EVENTS");
  }

  @Test
  void rejectsATooSmallByteBound() {
    assertRejected(Map.of("EMBEDDED_MONGO_HISTORY_BYTES", "10"), "EMBEDDED_MONGO_HISTORY_BYTES");
  }

  @Test
  void rejectsAnUnknownFlag() {
    ConfigException error =
        assertThrows(
            ConfigException.class,
            () -> EmbeddedMongoConfig.from(Settings.from(Map.of(), "--embedded-mongo-prot=1")));
    assertEquals(true, error.getMessage().contains("--embedded-mongo-prot"));
  }

  @Test
  void optionsRejectInvalidValues() {
    EmbeddedMongoOptions defaults = EmbeddedMongoOptions.defaults();
    assertThrows(IllegalArgumentException.class, () -> defaults.withPort(-1));
    assertThrows(IllegalArgumentException.class, () -> defaults.withHost(" "));
    assertThrows(IllegalArgumentException.class, () -> defaults.withHistoryEvents(0));
    assertThrows(IllegalArgumentException.class, () -> defaults.withHistoryBytes(0));
    assertThrows(IllegalArgumentException.class, () -> defaults.withTtlMonitorInterval(null));
    assertThrows(
        IllegalArgumentException.class, () -> defaults.withTtlMonitorInterval(Duration.ZERO));
  }

  private static void assertRejected(Map<String, String> env, String variable) {
    ConfigException error =
        assertThrows(ConfigException.class, () -> EmbeddedMongoConfig.from(Settings.from(env)));
    assertEquals(true, error.getMessage().contains(variable), error.getMessage());
  }
}
