package io.roomcast.common.auth;

import io.roomcast.common.config.ConfigException;
import io.roomcast.common.config.HttpUrls;
import io.roomcast.common.config.InvalidValue;
import io.roomcast.common.config.Setting;
import io.roomcast.common.config.Settings;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * How tokens are verified, shared by the socket server ({@code ROOM_AUTH=jwt}) and the backend
 * ({@code BACKEND_AUTH=jwt}). Exactly one key source: an HS256 secret or an RS256/ES256 JWKS URL.
 *
 * @param hmacSecret the HS256 secret bytes, or null when keys come from {@code jwksUrl}
 * @param jwksUrl where the signing keys are published, or null for HS256
 * @param issuer the required {@code iss}, or null to accept any
 * @param audience a required {@code aud} value, or null to accept any
 * @param roomsClaim the claim that lists the granted rooms
 * @param clockSkewSeconds tolerance for {@code exp} and {@code nbf}
 * @param maxGrantedRooms the most rooms one token (and one connection) may be granted
 */
public record JwtSettings(
    byte[] hmacSecret,
    URL jwksUrl,
    String issuer,
    String audience,
    String roomsClaim,
    int clockSkewSeconds,
    int maxGrantedRooms) {
  /** HS256 needs a key at least as long as its 256-bit output (RFC 7518, section 3.2). */
  public static final int MIN_SECRET_BYTES = 32;

  public static final String DEFAULT_ROOMS_CLAIM = "rooms";
  public static final int DEFAULT_CLOCK_SKEW_SECONDS = 30;
  public static final int MAX_CLOCK_SKEW_SECONDS = 300;
  public static final int DEFAULT_MAX_GRANTED_ROOMS = 1000;
  public static final int MAX_MAX_GRANTED_ROOMS = 100_000;

  public static final Setting<Optional<byte[]>> ROOM_AUTH_JWT_SECRET =
      Setting.optional(
              "ROOM_AUTH_JWT_SECRET",
              "HS256 key shared with whoever issues tokens, at least 32 bytes (never logged); "
                  + "exactly one of this and `ROOM_AUTH_JWKS_URL`")
          .map(value -> value.map(JwtSettings::secret))
          .secret();
  public static final Setting<Optional<URL>> ROOM_AUTH_JWKS_URL =
      Setting.optional(
              "ROOM_AUTH_JWKS_URL",
              "http(s) URL of the identity provider's JWK set (RS256/ES256 keys, cached, refetched "
                  + "on an unknown `kid`)")
          .map(value -> value.map(JwtSettings::jwksUrl));
  public static final Setting<Optional<String>> ROOM_AUTH_ISSUER =
      Setting.optional("ROOM_AUTH_ISSUER", "required `iss` of tokens; empty: any");
  public static final Setting<Optional<String>> ROOM_AUTH_AUDIENCE =
      Setting.optional("ROOM_AUTH_AUDIENCE", "required `aud` value of tokens; empty: any");
  public static final Setting<String> ROOM_AUTH_ROOMS_CLAIM =
      Setting.string(
          "ROOM_AUTH_ROOMS_CLAIM",
          DEFAULT_ROOMS_CLAIM,
          "claim listing the granted rooms: an array of UUID strings, or `[\"*\"]` for all");
  public static final Setting<Integer> ROOM_AUTH_CLOCK_SKEW_SECONDS =
      Setting.integer(
          "ROOM_AUTH_CLOCK_SKEW_SECONDS",
          DEFAULT_CLOCK_SKEW_SECONDS,
          0,
          MAX_CLOCK_SKEW_SECONDS,
          "tolerance for a token's `exp` and `nbf`, in seconds");
  public static final Setting<Integer> ROOM_AUTH_MAX_GRANTED_ROOMS =
      Setting.integer(
          "ROOM_AUTH_MAX_GRANTED_ROOMS",
          DEFAULT_MAX_GRANTED_ROOMS,
          1,
          MAX_MAX_GRANTED_ROOMS,
          "the most rooms one token (and one connection) may be granted");

  /** The verifier's settings, listed by the components that verify tokens. */
  public static final List<Setting<?>> SETTINGS =
      List.of(
          ROOM_AUTH_JWT_SECRET,
          ROOM_AUTH_JWKS_URL,
          ROOM_AUTH_ISSUER,
          ROOM_AUTH_AUDIENCE,
          ROOM_AUTH_ROOMS_CLAIM,
          ROOM_AUTH_CLOCK_SKEW_SECONDS,
          ROOM_AUTH_MAX_GRANTED_ROOMS);

  /** Reads and validates the verifier's settings; throws ConfigException naming the variable. */
  public static JwtSettings from(Settings settings) {
    Optional<byte[]> secret = ROOM_AUTH_JWT_SECRET.read(settings);
    Optional<URL> jwks = ROOM_AUTH_JWKS_URL.read(settings);
    if (secret.isPresent() == jwks.isPresent()) {
      throw new ConfigException(
          "token verification needs exactly one of "
              + ROOM_AUTH_JWT_SECRET
              + " (HS256) or "
              + ROOM_AUTH_JWKS_URL
              + " (RS256/ES256)");
    }
    return new JwtSettings(
        secret.orElse(null),
        jwks.orElse(null),
        ROOM_AUTH_ISSUER.read(settings).orElse(null),
        ROOM_AUTH_AUDIENCE.read(settings).orElse(null),
        ROOM_AUTH_ROOMS_CLAIM.read(settings),
        ROOM_AUTH_CLOCK_SKEW_SECONDS.read(settings),
        ROOM_AUTH_MAX_GRANTED_ROOMS.read(settings));
  }

  /**
   * The UTF-8 bytes of an HMAC secret setting, refused below {@link #MIN_SECRET_BYTES} (naming only
   * its length); for every HS256 secret setting.
   */
  public static byte[] secret(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_SECRET_BYTES) {
      // The value is a secret (the setting never repeats it): only its length is reported.
      throw new InvalidValue("", "at least " + MIN_SECRET_BYTES + " bytes, got " + bytes.length);
    }
    return bytes;
  }

  private static URL jwksUrl(String value) {
    try {
      return HttpUrls.parse(value, "a JWK set").toURL();
    } catch (MalformedURLException e) {
      throw new InvalidValue(value, "an http(s) URL of a JWK set");
    }
  }

  /** Whether tokens are HS256 with a shared secret (else RS256/ES256 from the JWKS URL). */
  public boolean hmac() {
    return hmacSecret != null;
  }

  @Override
  public String toString() {
    // Never print the secret.
    return hmac() ? "HS256 with a shared secret" : "RS256/ES256 keys from " + jwksUrl;
  }
}
