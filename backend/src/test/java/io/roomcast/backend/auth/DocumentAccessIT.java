package io.roomcast.backend.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jwt.JWTClaimsSet;
import io.roomcast.backend.testing.TestBackend;
import io.roomcast.common.auth.JwtSettings;
import io.roomcast.common.auth.TokenMinter;
import io.roomcast.common.config.Settings;
import io.roomcast.embedded.testing.Http;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.BsonDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * BACKEND_AUTH=jwt: writes and REST reads need a token granting the document's UUID or the write
 * scope; 401 without a valid one, 403 for a document not granted, JSON errors, nothing written.
 */
class DocumentAccessIT {
  private static final Map<String, String> SETTINGS =
      Map.of(
          "BACKEND_AUTH", "jwt",
          "ROOM_AUTH_JWT_SECRET", "backend-tests-secret-of-at-least-32-bytes",
          "ROOM_AUTH_CLOCK_SKEW_SECONDS", "0");
  private static final TokenMinter MINTER =
      new TokenMinter(JwtSettings.from(Settings.from(SETTINGS)));
  private static final String GRANTED = UUID.randomUUID().toString();
  private static final String OTHER = UUID.randomUUID().toString();

  @RegisterExtension static final TestBackend BACKEND = TestBackend.perClass(SETTINGS);
  private List<BsonDocument> before;

  @BeforeEach
  void snapshot() {
    before = BACKEND.contents("app", "test");
  }

  private static String granting(String... rooms) {
    return MINTER.mint(List.of(rooms), Instant.now().plusSeconds(60));
  }

  private static Http.Reply send(String method, String path, String token, String json) {
    return BACKEND
        .http()
        .withHeaders(
            method,
            path,
            token == null
                ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token),
            json);
  }

  private static String update(String uuid) {
    return "{\"uuid\":\"" + uuid + "\",\"data\":{\"n\":1}}";
  }

  private void assertRefused(int status, String error, Http.Reply reply) {
    assertEquals(status, reply.status(), reply.toString());
    assertEquals(error, reply.error());
    assertEquals(before, BACKEND.contents("app", "test"), "nothing written");
  }

  @Test
  void withoutAValidTokenWritesAndReadsAre401() {
    assertRefused(401, "unauthorized: no token", send("POST", "/update", null, update(GRANTED)));
    assertRefused(
        401, "unauthorized: invalid token", send("POST", "/update", "garbage", update(GRANTED)));
    String expired = MINTER.mint(List.of(GRANTED), Instant.now().minusSeconds(1));
    assertRefused(
        401, "unauthorized: expired token", send("POST", "/update", expired, update(GRANTED)));
    Http.Reply read = send("GET", "/api/app/test/" + GRANTED, null, null);
    assertRefused(401, "unauthorized: no token", read);
    assertEquals("Bearer", read.header("WWW-Authenticate").orElse(""));
  }

  @Test
  void aDocumentNotGrantedIs403() {
    String token = granting(GRANTED);
    assertRefused(
        403,
        "the token does not grant document " + OTHER,
        send("POST", "/update", token, update(OTHER)));
    assertRefused(
        403,
        "the token does not grant document " + OTHER,
        send("PUT", "/api/app/test/" + OTHER, token, "{\"a\":1}"));
    assertRefused(
        403,
        "the token does not grant document " + OTHER,
        send("GET", "/api/app/test/" + OTHER, token, null));
    assertRefused(
        403,
        "a new document's UUID can be granted only by the write scope",
        send("POST", "/update", token, "{\"data\":1}"));
  }

  @Test
  void aGrantedDocumentOrTheWriteScopeMayBeWrittenAndRead() {
    String token = granting(GRANTED);
    assertEquals(201, send("POST", "/update", token, update(GRANTED)).status());
    assertEquals(200, send("GET", "/api/app/test/" + GRANTED, token, null).status());
    String writer =
        MINTER.sign(
            new JWTClaimsSet.Builder()
                .expirationTime(Date.from(Instant.now().plusSeconds(60)))
                .claim("rooms", List.of())
                .claim("scope", "write")
                .build());
    assertEquals(201, send("POST", "/update", writer, update(OTHER)).status());
    assertEquals(201, send("POST", "/update", writer, "{\"data\":2}").status());
    assertEquals(200, send("GET", "/api/app/test/" + OTHER, writer, null).status());
  }
}
