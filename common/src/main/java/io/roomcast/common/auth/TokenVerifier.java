package io.roomcast.common.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Verifies signed tokens with Nimbus JOSE+JWT and reads what they grant. The accepted algorithms
 * are pinned by the key source: HS256 only with a secret, RS256/ES256 only with a JWKS URL, so an
 * unsigned ({@code alg: none}) token or one signed with the other family is refused. {@code exp}
 * and the rooms claim are required; {@code iss} and {@code aud} are checked when configured.
 * Verification never waits on the network (see {@link JwksKeys}), so it may run on an event loop.
 */
public final class TokenVerifier implements AutoCloseable {
  private final JwtSettings settings;
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
  private final JwksKeys jwks;
  private final CompletableFuture<Void> keysReady;

  private TokenVerifier(JwtSettings settings) {
    this.settings = settings;
    if (settings.hmac()) {
      jwks = null;
      keysReady = CompletableFuture.completedFuture(null);
      processor.setJWSKeySelector(
          new JWSVerificationKeySelector<>(
              JWSAlgorithm.HS256, new ImmutableSecret<>(settings.hmacSecret())));
    } else {
      jwks = new JwksKeys(settings.jwksUrl());
      processor.setJWSKeySelector(
          new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), jwks));
      keysReady = jwks.refresh();
    }
    processor.setJWTClaimsSetVerifier(new ExpiryFirst(claimsVerifier(settings), settings));
  }

  /** A verifier; with a JWKS URL, the first fetch of the keys starts in the background. */
  public static TokenVerifier create(JwtSettings settings) {
    return new TokenVerifier(settings);
  }

  /** Completes when the signing keys have been fetched once (at once for HS256). */
  public CompletableFuture<Void> keysReady() {
    return keysReady;
  }

  private static DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier(JwtSettings settings) {
    JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
    if (settings.issuer() != null) {
      exact.issuer(settings.issuer());
    }
    Set<String> audience = settings.audience() == null ? null : Set.of(settings.audience());
    DefaultJWTClaimsVerifier<SecurityContext> verifier =
        new DefaultJWTClaimsVerifier<>(
            audience, exact.build(), Set.of("exp", settings.roomsClaim()), null);
    verifier.setMaxClockSkew(settings.clockSkewSeconds());
    return verifier;
  }

  /** What the token grants; throws with a client-safe reason when it grants nothing. */
  public Grants verify(String token) throws TokenRefusedException {
    if (token == null || token.isBlank()) {
      throw new TokenRefusedException(TokenRefusedException.NO_TOKEN, "no token presented");
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (Expired e) {
      throw new TokenRefusedException(TokenRefusedException.EXPIRED_TOKEN, e.getMessage());
    } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
      throw new TokenRefusedException(TokenRefusedException.INVALID_TOKEN, e.getMessage());
    }
    Set<String> rooms =
        RoomsClaim.rooms(
            claims.getClaim(settings.roomsClaim()),
            settings.roomsClaim(),
            settings.maxGrantedRooms());
    Instant expiresAt =
        claims.getExpirationTime().toInstant().plusSeconds(settings.clockSkewSeconds());
    return new Grants(rooms == null, rooms == null ? Set.of() : rooms, scopes(claims), expiresAt);
  }

  private static Set<String> scopes(JWTClaimsSet claims) {
    Object scope = claims.getClaim("scope");
    if (!(scope instanceof String text) || text.isBlank()) {
      return Set.of();
    }
    return new HashSet<>(Arrays.asList(text.trim().split("\\s+")));
  }

  /** The settings this verifier checks against. */
  public JwtSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    if (jwks != null) {
      jwks.close();
    }
  }

  /** Tells an expired token (the client may fetch a new one) from every other refusal. */
  private static final class Expired extends BadJWTException {
    private static final long serialVersionUID = 1L;

    Expired() {
      super("expired JWT");
    }
  }

  /** Checks expiry first, so that it can be told apart, then every other claim rule. */
  private record ExpiryFirst(DefaultJWTClaimsVerifier<SecurityContext> rules, JwtSettings settings)
      implements com.nimbusds.jwt.proc.JWTClaimsSetVerifier<SecurityContext> {
    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
      if (claims.getExpirationTime() != null
          && !Instant.now()
              .isBefore(
                  claims
                      .getExpirationTime()
                      .toInstant()
                      .plusSeconds(settings.clockSkewSeconds()))) {
        throw new Expired();
      }
      rules.verify(claims, context);
    }
  }
}
