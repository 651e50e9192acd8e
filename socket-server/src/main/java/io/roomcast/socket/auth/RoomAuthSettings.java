package io.roomcast.socket.auth;

import io.roomcast.common.auth.JwtSettings;
import io.roomcast.common.config.ConfigException;
import io.roomcast.common.config.HttpUrls;
import io.roomcast.common.config.InvalidValue;
import io.roomcast.common.config.Setting;
import io.roomcast.common.config.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The socket server's authorization settings.
 *
 * @param mode {@code ROOM_AUTH}
 * @param jwt the verifier's settings in {@code jwt} mode, else null
 * @param cookieName {@code ROOM_AUTH_COOKIE}: the cookie that may carry the token
 * @param webhookUrl {@code ROOM_AUTH_WEBHOOK_URL} in {@code webhook} mode, else null
 * @param webhookTimeout {@code ROOM_AUTH_WEBHOOK_TIMEOUT_MS}
 * @param webhookMaxTtl {@code ROOM_AUTH_WEBHOOK_MAX_TTL_SECONDS}: the longest an answer is kept
 * @param webhookMaxPending {@code ROOM_AUTH_WEBHOOK_MAX_PENDING}: webhook calls one connection may
 *     have waiting
 * @param maxGrantedRooms {@code ROOM_AUTH_MAX_GRANTED_ROOMS}: rooms one connection may hold grants
 *     for
 */
public record RoomAuthSettings(
    RoomAuthMode mode,
    JwtSettings jwt,
    String cookieName,
    URI webhookUrl,
    Duration webhookTimeout,
    Duration webhookMaxTtl,
    int webhookMaxPending,
    int maxGrantedRooms) {
  /** Secure by default: without a key source the server refuses to start (exit 78). */
  public static final String DEFAULT_ROOM_AUTH = "jwt";

  public static final String DEFAULT_ROOM_AUTH_COOKIE = "roomcast_token";
  public static final int DEFAULT_WEBHOOK_TIMEOUT_MS = 2000;
  public static final int MAX_WEBHOOK_TIMEOUT_MS = 30_000;
  public static final int DEFAULT_WEBHOOK_MAX_TTL_SECONDS = 300;
  public static final int MAX_WEBHOOK_MAX_TTL_SECONDS = 86_400;
  public static final int DEFAULT_WEBHOOK_MAX_PENDING = 4;
  public static final int MAX_WEBHOOK_MAX_PENDING = 64;

  /** RFC 6265 cookie-name characters (a token). */
  private static final Pattern COOKIE_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}");

  public static final Setting<RoomAuthMode> ROOM_AUTH =
      Setting.string(
              "ROOM_AUTH",
              DEFAULT_ROOM_AUTH,
              "who may join which room: `jwt` (signed tokens name the rooms), `webhook` (the "
                  + "application answers), `open` (anyone: local development only)")
          .map(RoomAuthMode::parse);
  public static final Setting<String> ROOM_AUTH_COOKIE =
      Setting.string(
              "ROOM_AUTH_COOKIE",
              DEFAULT_ROOM_AUTH_COOKIE,
              "cookie that may carry the token (httpOnly, set by the application)")
          .map(RoomAuthSettings::cookieName);
  public static final Setting<Optional<URI>> ROOM_AUTH_WEBHOOK_URL =
      Setting.optional(
              "ROOM_AUTH_WEBHOOK_URL",
              "http(s) URL asked which rooms a connection may join (`ROOM_AUTH=webhook`)")
          .map(value -> value.map(RoomAuthSettings::webhookUrl));
  public static final Setting<Integer> ROOM_AUTH_WEBHOOK_TIMEOUT_MS =
      Setting.integer(
          "ROOM_AUTH_WEBHOOK_TIMEOUT_MS",
          DEFAULT_WEBHOOK_TIMEOUT_MS,
          50,
          MAX_WEBHOOK_TIMEOUT_MS,
          "how long a webhook answer is awaited before the join is denied (`auth unavailable`)");
  public static final Setting<Integer> ROOM_AUTH_WEBHOOK_MAX_TTL_SECONDS =
      Setting.integer(
          "ROOM_AUTH_WEBHOOK_MAX_TTL_SECONDS",
          DEFAULT_WEBHOOK_MAX_TTL_SECONDS,
          1,
          MAX_WEBHOOK_MAX_TTL_SECONDS,
          "the longest a webhook answer is kept for a connection");
  public static final Setting<Integer> ROOM_AUTH_WEBHOOK_MAX_PENDING =
      Setting.integer(
          "ROOM_AUTH_WEBHOOK_MAX_PENDING",
          DEFAULT_WEBHOOK_MAX_PENDING,
          1,
          MAX_WEBHOOK_MAX_PENDING,
          "webhook calls one connection may have waiting (beyond: `auth unavailable`)");

  /** Every authorization setting, the verifier's included, in table order. */
  public static final List<Setting<?>> SETTINGS = settings();

  private static List<Setting<?>> settings() {
    List<Setting<?>> all = new ArrayList<>();
    all.add(ROOM_AUTH);
    all.addAll(JwtSettings.SETTINGS);
    all.addAll(
        List.of(
            ROOM_AUTH_COOKIE,
            ROOM_AUTH_WEBHOOK_URL,
            ROOM_AUTH_WEBHOOK_TIMEOUT_MS,
            ROOM_AUTH_WEBHOOK_MAX_TTL_SECONDS,
            ROOM_AUTH_WEBHOOK_MAX_PENDING));
    return List.copyOf(all);
  }

  /** Reads and validates; a mode's required settings must be present. */
  public static RoomAuthSettings from(Settings settings) {
    RoomAuthMode mode = ROOM_AUTH.read(settings);
    JwtSettings jwt = null;
    if (mode == RoomAuthMode.JWT) {
      try {
        jwt = JwtSettings.from(settings);
      } catch (ConfigException e) {
        throw new ConfigException(
            e.getMessage() + " (" + ROOM_AUTH + "=jwt; ROOM_AUTH=open for local development only)");
      }
    }
    Optional<URI> webhook = ROOM_AUTH_WEBHOOK_URL.read(settings);
    if (mode == RoomAuthMode.WEBHOOK && webhook.isEmpty()) {
      throw new ConfigException(ROOM_AUTH + "=webhook needs " + ROOM_AUTH_WEBHOOK_URL);
    }
    return new RoomAuthSettings(
        mode,
        jwt,
        ROOM_AUTH_COOKIE.read(settings),
        mode == RoomAuthMode.WEBHOOK ? webhook.get() : null,
        Duration.ofMillis(ROOM_AUTH_WEBHOOK_TIMEOUT_MS.read(settings)),
        Duration.ofSeconds(ROOM_AUTH_WEBHOOK_MAX_TTL_SECONDS.read(settings)),
        ROOM_AUTH_WEBHOOK_MAX_PENDING.read(settings),
        JwtSettings.ROOM_AUTH_MAX_GRANTED_ROOMS.read(settings));
  }

  private static String cookieName(String cookie) {
    if (!COOKIE_NAME.matcher(cookie).matches()) {
      throw new InvalidValue(cookie, "a cookie name of 1 to 64 token characters");
    }
    return cookie;
  }

  private static URI webhookUrl(String value) {
    return HttpUrls.parse(value, "the room webhook");
  }
}
