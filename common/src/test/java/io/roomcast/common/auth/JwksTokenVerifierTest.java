package io.roomcast.common.auth;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.roomcast.common.config.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RS256/ES256 keys served by a local JWKS endpoint, as an OIDC provider publishes them. */
class JwksTokenVerifierTest {
  private static final String ROOM = TokenVerifierTest.ROOM;

  private final List<JWK> published = new ArrayList<>();
  private JwksServer server;
  private TokenVerifier verifier;
  private RSAKey rsa;

  @BeforeEach
  void start() throws Exception {
    rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    published.add(rsa.toPublicJWK());
    server = JwksServer.start(() -> new JWKSet(published).toString());
    verifier =
        TokenVerifier.create(
            JwtSettings.from(Settings.from(Map.of("ROOM_AUTH_JWKS_URL", server.url()))));
    verifier.keysReady().get();
  }

  @AfterEach
  void stop() {
    verifier.close();
    server.close();
  }

  private static String sign(JWSAlgorithm alg, String kid, JWSSigner signer) throws JOSEException {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .expirationTime(Date.from(Instant.now().plusSeconds(60)))
            .claim("rooms", List.of(ROOM))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), claims);
    jwt.sign(signer);
    return jwt.serialize();
  }

  private String refusal(String token) {
    return assertThrows(TokenRefusedException.class, () -> verifier.verify(token)).reason();
  }

  @Test
  void rs256AndEs256TokensFromTheJwksAreAccepted() throws Exception {
    assertTrue(
        verifier.verify(sign(JWSAlgorithm.RS256, "rsa-1", new RSASSASigner(rsa))).covers(ROOM));
    ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    published.add(ec.toPublicJWK());
    String token = sign(JWSAlgorithm.ES256, "ec-1", new ECDSASigner(ec));
    // an unknown kid is refused at once (no waiting on the network) and starts a refetch
    await().atMost(Duration.ofSeconds(10)).until(() -> verifies(token));
  }

  @Test
  void anHs256TokenSignedWithThePublicKeyIsRefused() throws Exception {
    byte[] publicKeyBytes = rsa.toPublicJWK().toRSAPublicKey().getEncoded();
    String confused = sign(JWSAlgorithm.HS256, "rsa-1", new MACSigner(publicKeyBytes));
    assertEquals(TokenRefusedException.INVALID_TOKEN, refusal(confused));
  }

  @Test
  void aTokenSignedByAnotherKeyWithAKnownKidIsRefused() throws Exception {
    RSAKey other = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    assertEquals(
        TokenRefusedException.INVALID_TOKEN,
        refusal(sign(JWSAlgorithm.RS256, "rsa-1", new RSASSASigner(other))));
  }

  @Test
  void anUnreachableJwksRefusesTokensWithoutThrowingAnythingElse() throws Exception {
    server.close();
    RSAKey unknown = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
    String token = sign(JWSAlgorithm.RS256, "rsa-2", new RSASSASigner(unknown));
    assertEquals(TokenRefusedException.INVALID_TOKEN, refusal(token));
    assertTrue(
        verifier.verify(sign(JWSAlgorithm.RS256, "rsa-1", new RSASSASigner(rsa))).covers(ROOM));
  }

  private boolean verifies(String token) {
    try {
      verifier.verify(token);
      return true;
    } catch (TokenRefusedException e) {
      return false;
    }
  }
}
