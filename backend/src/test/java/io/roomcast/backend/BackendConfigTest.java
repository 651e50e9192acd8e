package io.roomcast.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.backend.storage.Namespace;
import io.roomcast.common.config.ConfigException;
import io.roomcast.common.config.Settings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackendConfigTest {
  private static BackendConfig config(Map<String, String> env, String... args) {
    return BackendConfig.from(Settings.from(env, args));
  }

  private static String refusal(Map<String, String> env, String... args) {
    return assertThrows(ConfigException.class, () -> config(env, args)).getMessage();
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    BackendConfig config = config(Map.of());
    assertEquals(List.of("localhost:27017"), config.mongoUri().getHosts());
    assertEquals("uuid", config.uuidField());
    assertEquals("0.0.0.0", config.host());
    assertEquals(8082, config.port());
    assertEquals(new Namespace("app", "test"), config.updateNamespace());
    assertEquals(List.of(new Namespace("app", "test")), config.apiCollections());
    assertEquals(65_536, config.maxBodyBytes());
    assertEquals(
        Set.of(
            "http://localhost:8082",
            "http://127.0.0.1:8082",
            "http://localhost:8080",
            "http://127.0.0.1:8080"),
        config.corsOrigins().origins());
    assertEquals("", config.publicSocketUrl());
    assertEquals(10_000, config.requestTimeoutMs());
    assertEquals(1_000, config.maxConnections());
    assertEquals(8_192, config.maxHeaderBytes());
  }

  @Test
  void environmentAndFlagsAreRead() {
    BackendConfig config =
        config(
            Map.of("API_COLLECTIONS", "app.test, shop.orders", "BACKEND_PORT", "0"),
            "--public-socket-url=/",
            "--max-body-bytes",
            "1024",
            "--cors-origins=*");
    assertEquals(
        List.of(new Namespace("app", "test"), new Namespace("shop", "orders")),
        config.apiCollections());
    assertEquals(0, config.port());
    assertEquals("/", config.publicSocketUrl());
    assertEquals(1024, config.maxBodyBytes());
    assertTrue(config.corsOrigins().allowsAny());
  }

  @Test
  void eachInvalidValueIsRefusedNamingItsVariable() {
    String[][] bad = {
      {"MONGODB_URI", "http://db"},
      {"MONGODB_URI", "mongodb://"},
      {"UUID_FIELD", "$uuid"},
      {"BACKEND_PORT", "65536"},
      {"BACKEND_HOST", " "},
      {"UPDATE_NAMESPACE", "nodot"},
      {"API_COLLECTIONS", "app.test,,app.x"},
      {"API_COLLECTIONS", "app.test,admin.system.users"},
      {"MAX_BODY_BYTES", "0"},
      {"CORS_ORIGINS", "http://ok:1,http://host/path"},
      {"CORS_ORIGINS", "localhost:8080"},
      {"PUBLIC_SOCKET_URL", "ftp://x"},
      {"PUBLIC_SOCKET_URL", "https://host:1/namespace"},
      {"BACKEND_REQUEST_TIMEOUT_MS", "99"},
      {"BACKEND_REQUEST_TIMEOUT_MS", "soon"},
      {"BACKEND_MAX_CONNECTIONS", "0"},
      {"BACKEND_MAX_CONNECTIONS", "10001"},
      {"BACKEND_MAX_HEADER_BYTES", "1023"},
      {"BACKEND_MAX_HEADER_BYTES", "65537"},
    };
    for (String[] entry : bad) {
      String message = refusal(Map.of(entry[0], entry[1]));
      assertTrue(message.matches("invalid " + entry[0] + "[=:].*"), message);
    }
  }

  @Test
  void thePublicSocketUrlMayBeAnOriginWithOrWithoutTheSlash() {
    for (String url : new String[] {"https://live.example", "http://10.0.0.5:8083/"}) {
      assertEquals(url, config(Map.of("PUBLIC_SOCKET_URL", url)).publicSocketUrl());
    }
  }

  @Test
  void limitsAreNamedInTheMessage() {
    assertEquals(
        "invalid MAX_BODY_BYTES='99999999': expected an integer from 2 to 16777216",
        refusal(Map.of("MAX_BODY_BYTES", "99999999")));
  }

  @Test
  void theUuidFieldCannotBeIdOrDataOrAPath() {
    for (String field : new String[] {"_id", "data", "a.b", "$x"}) {
      assertTrue(refusal(Map.of("UUID_FIELD", field)).startsWith("invalid UUID_FIELD="), field);
    }
  }

  @Test
  void anUnknownFlagIsATypo() {
    assertTrue(refusal(Map.of(), "--backend-prot=1").startsWith("unknown flag --backend-prot"));
  }
}
