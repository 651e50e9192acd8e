package io.roomcast.socket.testing;

import io.roomcast.common.auth.JwtSettings;
import io.roomcast.common.auth.TokenMinter;
import io.roomcast.common.config.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * HS256 tokens for a socket server started with {@link #SERVER_SETTINGS} ({@code ROOM_AUTH=jwt}).
 */
public final class TestTokens {
  public static final String SECRET = "socket-server-tests-secret-of-32-bytes-or-more";

  /** jwt mode with this secret and no clock skew, so that a grant ends exactly at its exp. */
  public static final Map<String, String> SERVER_SETTINGS =
      Map.of(
          "ROOM_AUTH", "jwt",
          "ROOM_AUTH_JWT_SECRET", SECRET,
          "ROOM_AUTH_CLOCK_SKEW_SECONDS", "0");

  private static final TokenMinter MINTER =
      new TokenMinter(JwtSettings.from(Settings.from(SERVER_SETTINGS)));

  private TestTokens() {}

  /** A token granting the rooms (UUID strings, or "*") for the given time from now. */
  public static String granting(Duration validFor, String... rooms) {
    return MINTER.mint(List.of(rooms), Instant.now().plus(validFor));
  }

  /** A token granting the rooms for a minute. */
  public static String granting(String... rooms) {
    return granting(Duration.ofMinutes(1), rooms);
  }
}
