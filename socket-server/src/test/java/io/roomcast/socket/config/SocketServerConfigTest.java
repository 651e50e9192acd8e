package io.roomcast.socket.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.common.config.ConfigException;
import io.roomcast.common.config.Settings;
import io.roomcast.socket.deflate.CompressionSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SocketServerConfigTest {
  @Test
  void defaults() {
    SocketServerConfig config =
        SocketServerConfig.from(
            Settings.from(Map.of("ROOM_AUTH_JWT_SECRET", "0123456789abcdef0123456789abcdef")));
    assertEquals(io.roomcast.socket.auth.RoomAuthMode.JWT, config.roomAuth().mode());
    assertEquals("roomcast_token", config.roomAuth().cookieName());
    assertEquals(List.of("localhost:27017"), config.mongoUri().getHosts());
    assertEquals(List.of("app"), config.watchDatabases());
    assertEquals("uuid", config.uuidField());
    assertEquals("0.0.0.0", config.socketHost());
    assertEquals(8083, config.socketPort());
    assertEquals(100, config.maxRoomsPerClient());
    assertEquals(65_536, config.maxFrame());
    assertEquals(1_048_576, config.maxClientBufferBytes());
    assertEquals(4, config.maxAttachments());
    assertEquals(CompressionSettings.OFF, config.compression(), "compression off, as socket.io");
    assertEquals(45_000, config.connectTimeoutMillis());
    assertEquals(10_000, config.maxClients());
    assertEquals(0, config.nodeId(), "one node needs no NODE_ID");
    assertTrue(config.allowedOrigins().allows("http://localhost:8082"));
    assertTrue(config.allowedOrigins().allows("http://127.0.0.1:8080"));
    assertFalse(config.allowedOrigins().allows("http://localhost:9999"));
  }

  @Test
  void readsEveryVariable() {
    SocketServerConfig config =
        SocketServerConfig.from(
            Settings.from(
                Map.of(
                    "MONGODB_URI", "mongodb://db1:27017,db2:27017/?replicaSet=rs0",
                    "WATCH_DATABASES", "app, other",
                    "UUID_FIELD", "docId",
                    "SOCKET_HOST", "127.0.0.1",
                    "ALLOWED_ORIGINS", "*",
                    "MAX_ROOMS_PER_CLIENT", "7",
                    "MAX_FRAME", "4096",
                    "MAX_CLIENT_BUFFER_BYTES", "65536",
                    "MAX_ATTACHMENTS", "0",
                    "ROOM_AUTH", "open"),
                "--socket-port=0",
                "--connect-timeout=1500",
                "--max-clients=3",
                "--node-id=255",
                "--ws-compression=Shared",
                "--ws-compression-min-bytes=0"));
    assertEquals(List.of("db1:27017", "db2:27017"), config.mongoUri().getHosts());
    assertEquals(List.of("app", "other"), config.watchDatabases());
    assertEquals("docId", config.uuidField());
    assertEquals("127.0.0.1", config.socketHost());
    assertEquals(0, config.socketPort());
    assertTrue(config.allowedOrigins().allows("https://anything.example"));
    assertEquals(7, config.maxRoomsPerClient());
    assertEquals(4096, config.maxFrame());
    assertEquals(65_536, config.maxClientBufferBytes());
    assertEquals(0, config.maxAttachments());
    assertEquals(new CompressionSettings(true, 0), config.compression());
    assertEquals(1500, config.connectTimeoutMillis());
    assertEquals(3, config.maxClients());
    assertEquals(255, config.nodeId());
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "MONGODB_URI|http://localhost:27017",
        "MONGODB_URI|mongodb://",
        "MONGODB_URI|' '",
        "WATCH_DATABASES|app,,other",
        "WATCH_DATABASES|my.db",
        "WATCH_DATABASES|a/b",
        "WATCH_DATABASES|has space",
        "WATCH_DATABASES|app,app",
        "WATCH_DATABASES|0123456789012345678901234567890123456789012345678901234567890123",
        "UUID_FIELD|$uuid",
        "UUID_FIELD|doc.uuid",
        "SOCKET_HOST|not a host",
        "SOCKET_PORT|65536",
        "SOCKET_PORT|-1",
        "SOCKET_PORT|http",
        "ALLOWED_ORIGINS|localhost:8082",
        "ALLOWED_ORIGINS|http://localhost:8082/",
        "ALLOWED_ORIGINS|http://localhost:8082/page",
        "ALLOWED_ORIGINS|ftp://localhost",
        "ALLOWED_ORIGINS|*,http://localhost:8082",
        "ALLOWED_ORIGINS|http://user@localhost:8082",
        "MAX_ROOMS_PER_CLIENT|0",
        "MAX_ROOMS_PER_CLIENT|100001",
        "MAX_ROOMS_PER_CLIENT|many",
        "MAX_FRAME|1023",
        "MAX_FRAME|16777217",
        "MAX_CLIENT_BUFFER_BYTES|16383",
        "MAX_CLIENT_BUFFER_BYTES|268435457",
        "MAX_CLIENT_BUFFER_BYTES|1MiB",
        "MAX_ATTACHMENTS|-1",
        "MAX_ATTACHMENTS|101",
        "WS_COMPRESSION|on",
        "WS_COMPRESSION|true",
        "WS_COMPRESSION_MIN_BYTES|-1",
        "WS_COMPRESSION_MIN_BYTES|16777217",
        "ROOM_AUTH|basic",
        "ROOM_AUTH_JWT_SECRET|too-short",
        "CONNECT_TIMEOUT|99",
        "CONNECT_TIMEOUT|600001",
        "CONNECT_TIMEOUT|45s",
        "MAX_CLIENTS|0",
        "MAX_CLIENTS|1000001",
        "MAX_CLIENTS|all",
        "NODE_ID|-1",
        "NODE_ID|256",
        "NODE_ID|0x01",
        "NODE_ID|node-a",
        "SNAPSHOT_MAX_DOCUMENTS|0",
        "SNAPSHOT_MAX_BYTES|1023",
        "SNAPSHOT_MAX_CONCURRENT|0",
        "SNAPSHOT_MAX_QUEUED|-1"
      })
  void rejectsAnInvalidValueNamingTheVariable(String variable, String value) {
    ConfigException error =
        assertThrows(
            ConfigException.class,
            () -> SocketServerConfig.from(Settings.from(Map.of(variable, value))));
    assertTrue(error.getMessage().contains(variable), error.getMessage());
    assertFalse(error.getMessage().contains("\n"), "one line: " + error.getMessage());
  }

  @Test
  void aSnapshotAckStaysWithinHalfTheClientBuffer() {
    SocketServerConfig config =
        SocketServerConfig.from(
            Settings.from(
                Map.of(
                    "ROOM_AUTH", "open",
                    "MAX_CLIENT_BUFFER_BYTES", "65536",
                    "SNAPSHOT_MAX_BYTES", "100000")));
    assertEquals(32768, config.snapshot().maxBytes());
  }

  @Test
  void neverRepeatsTheConnectionStringWhichMayHoldAPassword() {
    ConfigException error =
        assertThrows(
            ConfigException.class,
            () ->
                SocketServerConfig.from(
                    Settings.from(Map.of("MONGODB_URI", "mongodb://user:s3cret@host:99999"))));
    assertFalse(error.getMessage().contains("s3cret"), error.getMessage());
  }

  @Test
  void unknownFlagsAreRejected() {
    assertThrows(
        ConfigException.class,
        () -> SocketServerConfig.from(Settings.from(Map.of(), "--socket-prot=1")));
  }
}
