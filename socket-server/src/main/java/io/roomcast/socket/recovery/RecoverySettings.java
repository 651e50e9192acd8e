package io.roomcast.socket.recovery;

import com.mongodb.MongoNamespace;
import io.roomcast.common.auth.JwtSettings;
import io.roomcast.common.config.InvalidValue;
import io.roomcast.common.config.Setting;
import io.roomcast.common.config.Settings;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Socket.IO connection state recovery's settings.
 *
 * @param enabled {@code RECOVERY}: off, clients get no {@code pid} and events no offset argument
 * @param secret {@code RECOVERY_SECRET}'s bytes, or random bytes of this process when it is unset
 * @param shared whether {@code secret} came from {@code RECOVERY_SECRET} (so other nodes and a
 *     restarted process accept the same pids)
 * @param ttl {@code RECOVERY_TTL_SECONDS}: how long after a disconnect a session is recoverable
 * @param pidLifetime {@code RECOVERY_PID_LIFETIME_SECONDS}: how long a pid is valid at all
 * @param database {@code RECOVERY_DATABASE}: where the {@code roomcast_sessions} collection lives
 */
public record RecoverySettings(
    boolean enabled,
    byte[] secret,
    boolean shared,
    Duration ttl,
    Duration pidLifetime,
    String database) {
  public static final int DEFAULT_TTL_SECONDS = 120;
  public static final int DEFAULT_PID_LIFETIME_SECONDS = 86_400;

  public static final Setting<Boolean> RECOVERY =
      Setting.flag(
          "RECOVERY",
          true,
          "Socket.IO connection state recovery (socket.io-client 4.6+): a `pid` at connect, the "
              + "change id as each event's last argument, rooms and missed changes back on "
              + "reconnect; `false`: neither");
  public static final Setting<Optional<byte[]>> RECOVERY_SECRET =
      Setting.optional(
              "RECOVERY_SECRET",
              "HMAC secret (at least 32 bytes) signing the `pid`s, the same on every node; unset: a "
                  + "random one per process (recovery then survives neither a restart nor a move "
                  + "to another node, and a WARN line says so)")
          .map(value -> value.map(JwtSettings::secret))
          .secret();
  public static final Setting<Integer> RECOVERY_TTL_SECONDS =
      Setting.integer(
          "RECOVERY_TTL_SECONDS",
          DEFAULT_TTL_SECONDS,
          5,
          86_400,
          "seconds after a disconnect (or the server's death) during which a session can be "
              + "recovered (socket.io's maxDisconnectionDuration)");
  public static final Setting<Integer> RECOVERY_PID_LIFETIME_SECONDS =
      Setting.integer(
          "RECOVERY_PID_LIFETIME_SECONDS",
          DEFAULT_PID_LIFETIME_SECONDS,
          5,
          30 * 86_400,
          "seconds a `pid` stays valid from its session's start, however often it was recovered");
  public static final Setting<String> RECOVERY_DATABASE =
      Setting.string(
              "RECOVERY_DATABASE",
              "roomcast",
              "database of the `roomcast_sessions` collection (rooms of recoverable sessions, TTL "
                  + "index); not a watched one")
          .map(RecoverySettings::database);

  public static final List<Setting<?>> SETTINGS =
      List.of(
          RECOVERY,
          RECOVERY_SECRET,
          RECOVERY_TTL_SECONDS,
          RECOVERY_PID_LIFETIME_SECONDS,
          RECOVERY_DATABASE);

  public static RecoverySettings from(Settings settings) {
    Optional<byte[]> secret = RECOVERY_SECRET.read(settings);
    return new RecoverySettings(
        RECOVERY.read(settings),
        secret.orElseGet(RecoverySettings::randomSecret),
        secret.isPresent(),
        Duration.ofSeconds(RECOVERY_TTL_SECONDS.read(settings)),
        Duration.ofSeconds(RECOVERY_PID_LIFETIME_SECONDS.read(settings)),
        RECOVERY_DATABASE.read(settings));
  }

  private static byte[] randomSecret() {
    byte[] bytes = new byte[JwtSettings.MIN_SECRET_BYTES];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  private static String database(String name) {
    try {
      MongoNamespace.checkDatabaseNameValidity(name);
    } catch (IllegalArgumentException e) {
      throw new InvalidValue(name, "a database name without /\\. \"$*<>:|?");
    }
    return name;
  }
}
