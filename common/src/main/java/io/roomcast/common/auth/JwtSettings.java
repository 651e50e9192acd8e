package io.roomcast.common.auth;

import io.roomcast.common.config.ConfigException;
import io.roomcast.common.config.Settings;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Set;

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
  public static final String ROOM_AUTH_JWT_SECRET = "ROOM_AUTH_JWT_SECRET";
  public static final String ROOM_AUTH_JWKS_URL = "ROOM_AUTH_JWKS_URL";
  public static final String ROOM_AUTH_ISSUER = "ROOM_AUTH_ISSUER";
  public static final String ROOM_AUTH_AUDIENCE = "ROOM_AUTH_AUDIENCE";
  public static final String ROOM_AUTH_ROOMS_CLAIM = "ROOM_AUTH_ROOMS_CLAIM";
  public static final String ROOM_AUTH_CLOCK_SKEW_SECONDS = "ROOM_AUTH_CLOCK_SKEW_SECONDS";
  public static final String ROOM_AUTH_MAX_GRANTED_ROOMS = "ROOM_AUTH_MAX_GRANTED_ROOMS";

  /** The settings read here, for the SETTING_NAMES of the components that use them. */
  public static final Set<String> SETTING_NAMES =
      Set.of(
          ROOM_AUTH_JWT_SECRET,
          ROOM_AUTH_JWKS_URL,
          ROOM_AUTH_ISSUER,
          ROOM_AUTH_AUDIENCE,
          ROOM_AUTH_ROOMS_CLAIM,
          ROOM_AUTH_CLOCK_SKEW_SECONDS,
          ROOM_AUTH_MAX_GRANTED_ROOMS);

  /** HS256 needs a key at least as long as its 256-bit output (RFC 7518, section 3.2). */
  public static final int MIN_SECRET_BYTES = 32;

  public static final String DEFAULT_ROOMS_CLAIM = "rooms";
  public static final int DEFAULT_CLOCK_SKEW_SECONDS = 30;
  public static final int MAX_CLOCK_SKEW_SECONDS = 300;
  public static final int DEFAULT_MAX_GRANTED_ROOMS = 1000;
  public static final int MAX_MAX_GRANTED_ROOMS = 100_000;

  /** Reads and validates the verifier's settings; throws ConfigException naming the variable. */
  public static JwtSettings from(Settings settings) {
    String secret = settings.string(ROOM_AUTH_JWT_SECRET, null);
    String jwks = settings.string(ROOM_AUTH_JWKS_URL, null);
    if ((secret == null) == (jwks == null)) {
      throw new ConfigException(
          "token verification needs exactly one of "
              + ROOM_AUTH_JWT_SECRET
              + " (HS256) or "
              + ROOM_AUTH_JWKS_URL
              + " (RS256/ES256)");
    }
    return new JwtSettings(
        secret == null ? null : secret(secret),
        jwks == null ? null : jwksUrl(jwks),
        settings.string(ROOM_AUTH_ISSUER, null),
        settings.string(ROOM_AUTH_AUDIENCE, null),
        settings.string(ROOM_AUTH_ROOMS_CLAIM, DEFAULT_ROOMS_CLAIM),
        settings.integer(
            ROOM_AUTH_CLOCK_SKEW_SECONDS, DEFAULT_CLOCK_SKEW_SECONDS, 0, MAX_CLOCK_SKEW_SECONDS),
        settings.integer(
            ROOM_AUTH_MAX_GRANTED_ROOMS, DEFAULT_MAX_GRANTED_ROOMS, 1, MAX_MAX_GRANTED_ROOMS));
  }

  private static byte[] secret(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_SECRET_BYTES) {
      // The value is a secret: only its length is reported.
      throw new ConfigException(
          "invalid "
              + ROOM_AUTH_JWT_SECRET
              + ": expected at least "
              + MIN_SECRET_BYTES
              + " bytes, got "
              + bytes.length);
    }
    return bytes;
  }

  private static URL jwksUrl(String value) {
    try {
      URI uri = new URI(value);
      if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw Settings.invalid(ROOM_AUTH_JWKS_URL, value, "an http(s) URL of a JWK set");
      }
      return uri.toURL();
    } catch (URISyntaxException | MalformedURLException e) {
      throw Settings.invalid(ROOM_AUTH_JWKS_URL, value, "an http(s) URL of a JWK set");
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
