package io.roomcast.socket.recovery;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * The {@code pid} a client gets at connect: an HS256 JWS (Nimbus JOSE) naming a random session id,
 * signed with the secret every node shares, valid for {@code RECOVERY_PID_LIFETIME_SECONDS}. Any
 * node can check it without shared memory; nobody without the secret can forge or alter one.
 */
public final class RecoveryTokens {
  /** Marks the token's purpose, so that no other HS256 token signed with the secret passes. */
  static final String PURPOSE_CLAIM = "roomcast_recovery";

  /** The outcome of reading a pid. */
  public sealed interface Check {}

  /** A valid pid for session {@code sessionId}. */
  public record Valid(String sessionId, String pid) implements Check {}

  /** A pid past its lifetime. */
  public record Expired() implements Check {}

  /** Not a pid of ours: unparseable, wrong signature, altered, or of another purpose. */
  public record Invalid() implements Check {}

  private final MACSigner signer;
  private final MACVerifier verifier;
  private final Duration lifetime;
  private final Clock clock;

  public RecoveryTokens(byte[] secret, Duration lifetime, Clock clock) {
    try {
      this.signer = new MACSigner(secret);
      this.verifier = new MACVerifier(secret);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("unusable recovery secret", e);
    }
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /** A new session: a random id and its signed pid. */
  public Valid issue() {
    String sessionId = UUID.randomUUID().toString();
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .jwtID(sessionId)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime)))
            .claim(PURPOSE_CLAIM, true)
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a recovery pid", e);
    }
    return new Valid(sessionId, jwt.serialize());
  }

  /** Checks a pid a client sent; never throws. */
  public Check check(String pid) {
    try {
      SignedJWT jwt = SignedJWT.parse(pid);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
        return new Invalid();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      if (!Boolean.TRUE.equals(claims.getBooleanClaim(PURPOSE_CLAIM))
          || claims.getJWTID() == null
          || claims.getExpirationTime() == null) {
        return new Invalid();
      }
      if (!claims.getExpirationTime().toInstant().isAfter(clock.instant())) {
        return new Expired();
      }
      return new Valid(claims.getJWTID(), pid);
    } catch (ParseException | JOSEException | RuntimeException e) {
      return new Invalid();
    }
  }
}
