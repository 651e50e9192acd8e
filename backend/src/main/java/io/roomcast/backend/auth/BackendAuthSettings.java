package io.roomcast.backend.auth;

import io.roomcast.common.auth.JwtSettings;
import io.roomcast.common.config.ConfigException;
import io.roomcast.common.config.InvalidValue;
import io.roomcast.common.config.Setting;
import io.roomcast.common.config.Settings;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may write and read through the backend, and the development token endpoint.
 *
 * @param jwt token settings when {@code BACKEND_AUTH=jwt}, else null (everyone may write and read)
 * @param devTokens the HS256 settings tokens are minted with when {@code DEV_TOKENS=true}, else
 *     null
 * @param devTokenTtlSeconds how long a minted token lives
 */
public record BackendAuthSettings(JwtSettings jwt, JwtSettings devTokens, int devTokenTtlSeconds) {
  public static final int DEFAULT_DEV_TOKEN_TTL_SECONDS = 300;
  public static final int MAX_DEV_TOKEN_TTL_SECONDS = 3600;

  /** {@code open}: anyone may write and read (development); {@code jwt}: tokens decide. */
  public static final Setting<Boolean> BACKEND_AUTH =
      Setting.string(
              "BACKEND_AUTH",
              "open",
              "`jwt`: writes and REST reads need a token granting the document (or the `write` "
                  + "scope); `open`: anyone (development)")
          .map(BackendAuthSettings::jwtMode);

  public static final Setting<Boolean> DEV_TOKENS =
      Setting.flag(
          "DEV_TOKENS",
          false,
          "`POST /dev/token` mints short-lived HS256 tokens for any room: development and demos "
              + "only; needs `ROOM_AUTH_JWT_SECRET` and a loopback `BACKEND_HOST`");
  public static final Setting<Boolean> DEV_TOKENS_ALLOW_REMOTE =
      Setting.flag(
          "DEV_TOKENS_ALLOW_REMOTE",
          false,
          "allow `DEV_TOKENS` on a non-loopback `BACKEND_HOST` (a demo reached only through a "
              + "trusted front)");
  public static final Setting<Integer> DEV_TOKEN_TTL_SECONDS =
      Setting.integer(
          "DEV_TOKEN_TTL_SECONDS",
          DEFAULT_DEV_TOKEN_TTL_SECONDS,
          10,
          MAX_DEV_TOKEN_TTL_SECONDS,
          "lifetime of a token minted by `POST /dev/token`");

  /** These settings and the verifier's, in table order. */
  public static final List<Setting<?>> SETTINGS = settings();

  private static List<Setting<?>> settings() {
    List<Setting<?>> all = new ArrayList<>(List.of(BACKEND_AUTH));
    all.addAll(JwtSettings.SETTINGS);
    all.addAll(List.of(DEV_TOKENS, DEV_TOKENS_ALLOW_REMOTE, DEV_TOKEN_TTL_SECONDS));
    return List.copyOf(all);
  }

  /** Reads and validates; {@code host} is the backend's bind address (DEV_TOKENS' rule). */
  public static BackendAuthSettings from(Settings settings, String host) {
    JwtSettings jwt = BACKEND_AUTH.read(settings) ? JwtSettings.from(settings) : null;
    return new BackendAuthSettings(
        jwt, devTokens(settings, host), DEV_TOKEN_TTL_SECONDS.read(settings));
  }

  /**
   * DEV_TOKENS mints a token for any room to anyone who can reach the backend: it needs an HS256
   * secret, and a loopback BACKEND_HOST unless DEV_TOKENS_ALLOW_REMOTE=true says otherwise (the
   * compose demo, whose backend is reached only through its front).
   */
  private static JwtSettings devTokens(Settings settings, String host) {
    if (!DEV_TOKENS.read(settings)) {
      return null;
    }
    JwtSettings minting = JwtSettings.from(settings);
    if (!minting.hmac()) {
      throw new ConfigException("DEV_TOKENS=true needs ROOM_AUTH_JWT_SECRET (HS256) to sign with");
    }
    if (!isLoopback(host) && !DEV_TOKENS_ALLOW_REMOTE.read(settings)) {
      throw new ConfigException(
          "DEV_TOKENS=true hands out tokens to anyone: it needs a loopback BACKEND_HOST such as"
              + " 127.0.0.1 (got "
              + host
              + "), or DEV_TOKENS_ALLOW_REMOTE=true for a demo reached only through a trusted"
              + " front");
    }
    return minting;
  }

  private static boolean jwtMode(String mode) {
    if ("open".equals(mode) || "jwt".equals(mode)) {
      return "jwt".equals(mode);
    }
    throw new InvalidValue(mode, "open or jwt");
  }

  private static boolean isLoopback(String host) {
    return "localhost".equals(host)
        || host.startsWith("127.")
        || "::1".equals(host)
        || "[::1]".equals(host);
  }
}
