package io.roomcast.common.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.roomcast.common.config.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {
  static final String SECRET = "0123456789abcdef0123456789abcdef-test";
  static final String ROOM = "0b9f4c6e-2f4e-4a8e-9d55-5a3a1d9e7c01";

  private final JwtSettings settings =
      JwtSettings.from(
          Settings.from(
              Map.of(
                  "ROOM_AUTH_JWT_SECRET", SECRET,
                  "ROOM_AUTH_ISSUER", "https://issuer.test",
                  "ROOM_AUTH_AUDIENCE", "roomcast",
                  "ROOM_AUTH_CLOCK_SKEW_SECONDS", "0")));
  private final TokenVerifier verifier = TokenVerifier.create(settings);
  private final TokenMinter minter = new TokenMinter(settings);

  @AfterEach
  void close() {
    verifier.close();
  }

  private JWTClaimsSet.Builder valid() {
    return new JWTClaimsSet.Builder()
        .issuer("https://issuer.test")
        .audience("roomcast")
        .expirationTime(Date.from(Instant.now().plusSeconds(60)))
        .claim("rooms", List.of(ROOM.toUpperCase()));
  }

  private String refusal(String token) {
    return assertThrows(TokenRefusedException.class, () -> verifier.verify(token)).reason();
  }

  @Test
  void aValidTokenGrantsItsRoomsInCanonicalFormUntilItsExpiry() throws Exception {
    Instant exp = Instant.now().plusSeconds(60);
    Grants grants = verifier.verify(minter.mint(List.of(ROOM.toUpperCase()), exp));
    assertTrue(grants.covers(ROOM));
    assertFalse(grants.covers("0b9f4c6e-2f4e-4a8e-9d55-5a3a1d9e7c02"));
    assertFalse(grants.allRooms());
    assertEquals(exp.getEpochSecond(), grants.expiresAt().getEpochSecond());
  }

  @Test
  void theStarGrantsEveryRoomAndScopesAreRead() throws Exception {
    Grants grants =
        verifier.verify(
            minter.sign(valid().claim("rooms", List.of("*")).claim("scope", "read write").build()));
    assertTrue(grants.allRooms());
    assertTrue(grants.covers(ROOM));
    assertTrue(grants.hasScope(Grants.WRITE_SCOPE));
  }

  @Test
  void noTokenOrGarbageIsRefused() {
    assertEquals(TokenRefusedException.NO_TOKEN, refusal(null));
    assertEquals(TokenRefusedException.NO_TOKEN, refusal(" "));
    assertEquals(TokenRefusedException.INVALID_TOKEN, refusal("garbage"));
    assertEquals(TokenRefusedException.INVALID_TOKEN, refusal("a.b.c"));
  }

  @Test
  void anExpiredTokenIsRefusedAsExpired() {
    String token = minter.mint(List.of(ROOM), Instant.now().minusSeconds(5));
    assertEquals(TokenRefusedException.EXPIRED_TOKEN, refusal(token));
  }

  @Test
  void aTokenWithoutExpiryIsRefused() {
    assertEquals(
        TokenRefusedException.INVALID_TOKEN,
        refusal(minter.sign(valid().expirationTime(null).build())));
  }

  @Test
  void aTokenNotYetValidIsRefused() {
    String token =
        minter.sign(valid().notBeforeTime(Date.from(Instant.now().plusSeconds(60))).build());
    assertEquals(TokenRefusedException.INVALID_TOKEN, refusal(token));
  }

  @Test
  void aWrongSignatureIsRefused() {
    TokenMinter other =
        new TokenMinter(
            JwtSettings.from(
                Settings.from(Map.of("ROOM_AUTH_JWT_SECRET", SECRET.replace('0', 'x')))));
    assertEquals(TokenRefusedException.INVALID_TOKEN, refusal(other.sign(valid().build())));
    String token = minter.sign(valid().build());
    String tampered =
        token.substring(0, token.indexOf('.') + 1)
            + Base64URL.encode(valid().claim("rooms", List.of("*")).build().toString())
            + token.substring(token.lastIndexOf('.'));
    assertEquals(TokenRefusedException.INVALID_TOKEN, refusal(tampered));
  }

  @Test
  void anUnsignedAlgNoneTokenIsRefused() {
    String none = new PlainJWT(valid().build()).serialize();
    assertEquals(TokenRefusedException.INVALID_TOKEN, refusal(none));
  }

  @Test
  void aWrongIssuerOrAudienceIsRefused() {
    assertEquals(
        TokenRefusedException.INVALID_TOKEN,
        refusal(minter.sign(valid().issuer("https://evil.test").build())));
    assertEquals(
        TokenRefusedException.INVALID_TOKEN,
        refusal(minter.sign(valid().audience("someone-else").build())));
    assertEquals(
        TokenRefusedException.INVALID_TOKEN,
        refusal(minter.sign(valid().audience((String) null).build())));
  }

  @Test
  void aMissingOrMalformedRoomsClaimIsRefused() {
    assertEquals(
        TokenRefusedException.INVALID_TOKEN,
        refusal(minter.sign(valid().claim("rooms", null).build())));
    assertEquals(
        TokenRefusedException.INVALID_TOKEN,
        refusal(minter.sign(valid().claim("rooms", ROOM).build())));
    assertEquals(
        TokenRefusedException.INVALID_TOKEN,
        refusal(minter.sign(valid().claim("rooms", List.of(ROOM, "not-a-uuid")).build())));
    assertEquals(
        TokenRefusedException.INVALID_TOKEN,
        refusal(minter.sign(valid().claim("rooms", List.of(ROOM, "*")).build())));
    assertEquals(
        TokenRefusedException.INVALID_TOKEN,
        refusal(minter.sign(valid().claim("rooms", List.of(7)).build())));
  }

  @Test
  void theRoomsClaimNameIsASettingAndItsSizeIsBounded() throws Exception {
    JwtSettings custom =
        JwtSettings.from(
            Settings.from(
                Map.of(
                    "ROOM_AUTH_JWT_SECRET", SECRET,
                    "ROOM_AUTH_ROOMS_CLAIM", "https://roomcast/rooms",
                    "ROOM_AUTH_MAX_GRANTED_ROOMS", "2")));
    try (TokenVerifier customVerifier = TokenVerifier.create(custom)) {
      TokenMinter customMinter = new TokenMinter(custom);
      Instant exp = Instant.now().plus(Duration.ofMinutes(1));
      assertEquals(
          Set.of(ROOM), customVerifier.verify(customMinter.mint(List.of(ROOM), exp)).rooms());
      String three =
          customMinter.mint(List.of(ROOM, ROOM.replace('1', '2'), ROOM.replace('1', '3')), exp);
      assertEquals(
          TokenRefusedException.INVALID_TOKEN,
          assertThrows(TokenRefusedException.class, () -> customVerifier.verify(three)).reason());
      // a token naming its rooms under the default claim grants nothing here
      assertThrows(
          TokenRefusedException.class,
          () -> customVerifier.verify(minter.mint(List.of(ROOM), exp)));
    }
  }
}
