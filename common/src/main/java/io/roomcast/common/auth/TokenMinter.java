package io.roomcast.common.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/**
 * Signs HS256 tokens that {@link TokenVerifier} accepts with the same secret: for the backend's
 * development token endpoint and for tests. Production tokens come from an identity provider.
 */
public final class TokenMinter {
  private final MACSigner signer;
  private final JwtSettings settings;

  /** A minter for the HS256 settings given; throws when they use a JWKS URL instead. */
  public TokenMinter(JwtSettings settings) {
    if (!settings.hmac()) {
      throw new IllegalArgumentException("tokens can only be minted with an HS256 secret");
    }
    this.settings = settings;
    try {
      this.signer = new MACSigner(settings.hmacSecret());
    } catch (JOSEException e) {
      throw new IllegalArgumentException("unusable HS256 secret", e);
    }
  }

  /** A token granting {@code rooms} (UUID strings, or just "*") until {@code expiresAt}. */
  public String mint(Collection<String> rooms, Instant expiresAt) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issueTime(new Date())
            .expirationTime(Date.from(expiresAt))
            .claim(settings.roomsClaim(), List.copyOf(rooms));
    if (settings.issuer() != null) {
      claims.issuer(settings.issuer());
    }
    if (settings.audience() != null) {
      claims.audience(settings.audience());
    }
    return sign(claims.build());
  }

  /** Signs the claims as given, for tokens of any shape. */
  public String sign(JWTClaimsSet claims) {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
    return jwt.serialize();
  }
}
