package io.roomcast.socket.auth;

import io.roomcast.common.auth.JwtSettings;
import io.roomcast.common.config.ConfigException;
import io.roomcast.common.config.Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
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
  public static final String ROOM_AUTH = "ROOM_AUTH";
  public static final String ROOM_AUTH_COOKIE = "ROOM_AUTH_COOKIE";
  public static final String ROOM_AUTH_WEBHOOK_URL = "ROOM_AUTH_WEBHOOK_URL";
  public static final String ROOM_AUTH_WEBHOOK_TIMEOUT_MS = "ROOM_AUTH_WEBHOOK_TIMEOUT_MS";
  public static final String ROOM_AUTH_WEBHOOK_MAX_TTL_SECONDS =
      "ROOM_AUTH_WEBHOOK_MAX_TTL_SECONDS";
  public static final String ROOM_AUTH_WEBHOOK_MAX_PENDING = "ROOM_AUTH_WEBHOOK_MAX_PENDING";

  /** Every authorization setting, the verifier's included. */
  public static final Set<String> SETTING_NAMES = names();

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

  private static Set<String> names() {
    Set<String> names = new HashSet<>(JwtSettings.SETTING_NAMES);
    names.addAll(
        Set.of(
            ROOM_AUTH,
            ROOM_AUTH_COOKIE,
            ROOM_AUTH_WEBHOOK_URL,
            ROOM_AUTH_WEBHOOK_TIMEOUT_MS,
            ROOM_AUTH_WEBHOOK_MAX_TTL_SECONDS,
            ROOM_AUTH_WEBHOOK_MAX_PENDING));
    return Set.copyOf(names);
  }

  /** Reads and validates; a mode's required settings must be present. */
  public static RoomAuthSettings from(Settings settings) {
    RoomAuthMode mode =
        RoomAuthMode.parse(ROOM_AUTH, settings.string(ROOM_AUTH, DEFAULT_ROOM_AUTH));
    JwtSettings jwt = null;
    if (mode == RoomAuthMode.JWT) {
      try {
        jwt = JwtSettings.from(settings);
      } catch (ConfigException e) {
        throw new ConfigException(
            e.getMessage() + " (" + ROOM_AUTH + "=jwt; ROOM_AUTH=open for local development only)");
      }
    }
    String cookie = settings.string(ROOM_AUTH_COOKIE, DEFAULT_ROOM_AUTH_COOKIE);
    if (!COOKIE_NAME.matcher(cookie).matches()) {
      throw Settings.invalid(ROOM_AUTH_COOKIE, cookie, "a cookie name of 1 to 64 token characters");
    }
    String webhook = settings.string(ROOM_AUTH_WEBHOOK_URL, null);
    if (mode == RoomAuthMode.WEBHOOK && webhook == null) {
      throw new ConfigException(ROOM_AUTH + "=webhook needs " + ROOM_AUTH_WEBHOOK_URL);
    }
    return new RoomAuthSettings(
        mode,
        jwt,
        cookie,
        mode == RoomAuthMode.WEBHOOK ? webhookUrl(webhook) : null,
        Duration.ofMillis(
            settings.integer(
                ROOM_AUTH_WEBHOOK_TIMEOUT_MS,
                DEFAULT_WEBHOOK_TIMEOUT_MS,
                50,
                MAX_WEBHOOK_TIMEOUT_MS)),
        Duration.ofSeconds(
            settings.integer(
                ROOM_AUTH_WEBHOOK_MAX_TTL_SECONDS,
                DEFAULT_WEBHOOK_MAX_TTL_SECONDS,
                1,
                MAX_WEBHOOK_MAX_TTL_SECONDS)),
        settings.integer(
            ROOM_AUTH_WEBHOOK_MAX_PENDING, DEFAULT_WEBHOOK_MAX_PENDING, 1, MAX_WEBHOOK_MAX_PENDING),
        settings.integer(
            JwtSettings.ROOM_AUTH_MAX_GRANTED_ROOMS,
            JwtSettings.DEFAULT_MAX_GRANTED_ROOMS,
            1,
            JwtSettings.MAX_MAX_GRANTED_ROOMS));
  }

  private static URI webhookUrl(String value) {
    try {
      URI uri = new URI(value);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw Settings.invalid(ROOM_AUTH_WEBHOOK_URL, value, "an http(s) URL");
  }
}
