package io.roomcast.backend.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.backend.testing.TestBackend;
import io.roomcast.embedded.testing.Http;
import io.roomcast.embedded.testing.RawHttp;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Unknown routes, wrong methods and CORS, as a browser or a script meets them. */
class HttpBasicsIT {
  private static final String ALLOWED = "http://localhost:8080";
  private static final String STRANGER = "http://evil.example";
  @RegisterExtension static final TestBackend BACKEND = TestBackend.perClass();

  @Test
  void anUnknownRouteIsAJson404() {
    Http.Reply reply = BACKEND.http().get("/nothing/here");
    assertEquals(404, reply.status(), reply.toString());
    assertEquals("Endpoint GET /nothing/here not found", reply.error());
  }

  @Test
  void aWrongMethodIsAJson405() {
    List<BsonDocument> before = BACKEND.contents("app", "test");
    Http.Reply reply = BACKEND.http().get("/update");
    assertEquals(405, reply.status(), reply.toString());
    assertTrue(reply.error().startsWith("Method Not Allowed"), reply.toString());
    Http.Reply post =
        BACKEND.http().json("POST", "/api/app/test/" + java.util.UUID.randomUUID(), "{}");
    assertEquals(405, post.status(), post.toString());
    Http.Reply unknown =
        RawHttp.exchange(
            BACKEND.http().baseUrl(), "BREW /update HTTP/1.1\r\nHost: backend\r\n\r\n");
    assertEquals(405, unknown.status(), unknown.toString());
    assertEquals("Method Not Allowed", unknown.error());
    assertEquals(before, BACKEND.contents("app", "test"));
  }

  @Test
  void aPreflightFromAnAllowedOriginIsAnswered() {
    Http.Reply reply =
        preflight(
            BACKEND.http(),
            Map.of(
                "Origin", ALLOWED,
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type"));
    assertEquals(204, reply.status(), reply.toString());
    assertEquals(ALLOWED, reply.header("Access-Control-Allow-Origin").orElseThrow());
    assertEquals(Cors.ALLOWED_METHODS, reply.header("Access-Control-Allow-Methods").orElseThrow());
    assertEquals(
        "Content-Type, Authorization", reply.header("Access-Control-Allow-Headers").orElseThrow());
    assertTrue(reply.header("Access-Control-Allow-Credentials").isEmpty());
  }

  @Test
  void originsMatchInNormalFormAsTheSocketServersDo() {
    // Same rule as ALLOWED_ORIGINS (common's AllowedOrigins): case and the default port ignored.
    try (TestBackend other = TestBackend.start(Map.of("CORS_ORIGINS", "http://Example.test:80"))) {
      for (String origin : List.of("http://example.test", "HTTP://EXAMPLE.TEST:80")) {
        Http.Reply reply =
            preflight(
                other.http(), Map.of("Origin", origin, "Access-Control-Request-Method", "POST"));
        assertEquals(204, reply.status(), origin + ": " + reply);
        assertEquals(origin, reply.header("Access-Control-Allow-Origin").orElseThrow());
      }
    }
  }

  @Test
  void aPreflightFromAnotherOriginIsRefused() {
    Http.Reply reply =
        preflight(
            BACKEND.http(), Map.of("Origin", STRANGER, "Access-Control-Request-Method", "POST"));
    assertEquals(403, reply.status(), reply.toString());
    assertEquals("origin http://evil.example is not in CORS_ORIGINS", reply.error());
    assertTrue(reply.header("Access-Control-Allow-Origin").isEmpty());
  }

  @Test
  void aCrossOriginPostFromAnAllowedOriginCarriesTheHeader() {
    Http.Reply reply =
        BACKEND
            .http()
            .withHeaders(
                "POST",
                "/update",
                Map.of("Origin", ALLOWED, "Content-Type", "application/json"),
                "{\"data\":1}");
    assertEquals(201, reply.status(), reply.toString());
    assertEquals(ALLOWED, reply.header("Access-Control-Allow-Origin").orElseThrow());
    assertEquals("Origin", reply.header("Vary").orElseThrow());
  }

  @Test
  void aRequestFromAnotherOriginGetsNoCorsHeader() {
    Http.Reply reply =
        BACKEND.http().withHeaders("GET", "/config.json", Map.of("Origin", STRANGER), null);
    assertEquals(200, reply.status(), reply.toString());
    assertTrue(reply.header("Access-Control-Allow-Origin").isEmpty());
  }

  @Test
  void closeIsIdempotent() {
    try (TestBackend other = TestBackend.start()) {
      other.server().close();
      other.server().close();
    }
  }

  /** A CORS preflight for POST /update with these headers (Origin, Access-Control-Request-*). */
  private static Http.Reply preflight(Http http, Map<String, String> headers) {
    return http.withHeaders("OPTIONS", "/update", headers, null);
  }
}
