package io.roomcast.backend.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.roomcast.backend.testing.TestBackend;
import io.roomcast.embedded.testing.CapturedLog;
import io.roomcast.embedded.testing.Http;
import io.roomcast.embedded.testing.RawHttp;
import java.util.List;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests Jetty refuses itself, before any route runs, sent byte for byte: each is answered with
 * the API's JSON error body (not Jetty's HTML page), writes nothing and logs no ERROR or stack
 * trace. The 408 of a stalled body is {@link SlowlorisIT}'s; the 413 of a large body is in the
 * refusal tests of each route.
 */
class JettyErrorsIT {
  private static final String HOST = "Host: backend\r\n";
  private static CapturedLog log;
  private static TestBackend backend;

  @BeforeAll
  static void start() {
    log = CapturedLog.all();
    backend = TestBackend.start();
  }

  @AfterAll
  static void stop() {
    backend.close();
    log.close();
  }

  private static void assertJsonError(int status, String error, String request) {
    List<BsonDocument> before = backend.contents("app", "test");
    Http.Reply reply = RawHttp.exchange(backend.http().baseUrl(), request);
    assertEquals(status, reply.status(), reply.toString());
    assertEquals("application/json", reply.header("Content-Type").orElse(""), reply.toString());
    assertEquals(error, reply.error(), reply.toString());
    assertEquals("close", reply.header("Connection").orElse(""), "the connection is not reused");
    assertEquals(before, backend.contents("app", "test"));
    assertEquals(List.of(), log.errorsAndStackTraces());
  }

  @Test
  void aBadRequestLine() {
    assertJsonError(400, "Bad Request: No URI", "GARBAGE\r\n\r\n");
    assertJsonError(
        505,
        "HTTP Version Not Supported: Unknown Version",
        "GET /config.json HTTP/9.9\r\n" + HOST + "\r\n");
  }

  @Test
  void aUriLongerThanTheHeaderLimit() {
    assertJsonError(
        414, "URI Too Long", "GET /" + "a".repeat(10_000) + " HTTP/1.1\r\n" + HOST + "\r\n");
  }

  @Test
  void headersLargerThanTheLimit() {
    assertJsonError(
        431,
        "Request Header Fields Too Large",
        "GET /config.json HTTP/1.1\r\n" + HOST + "X-Big: " + "b".repeat(9_000) + "\r\n\r\n");
  }

  @Test
  void malformedHeaders() {
    assertJsonError(400, "Bad Request: No Host", "GET /config.json HTTP/1.1\r\n\r\n");
    assertJsonError(
        400,
        "Bad Request: Illegal character SPACE=' '",
        "GET /config.json HTTP/1.1\r\n" + HOST + "Bad Header\r\n\r\n");
    assertJsonError(
        400,
        "Bad Request: Invalid Content-Length Value",
        "POST /update HTTP/1.1\r\n" + HOST + "Content-Length: abc\r\n\r\n");
    assertJsonError(
        400,
        "Bad Request: Multiple Content-Lengths",
        "POST /update HTTP/1.1\r\n" + HOST + "Content-Length: 5\r\nContent-Length: 6\r\n\r\n");
    assertJsonError(
        400,
        "Bad Request: Bad Transfer-Encoding, chunked not last",
        "POST /update HTTP/1.1\r\n" + HOST + "Transfer-Encoding: gzip\r\n\r\n");
    assertJsonError(
        417,
        "Expectation Failed",
        "GET /config.json HTTP/1.1\r\n" + HOST + "Expect: 999-x\r\n\r\n");
  }

  @Test
  void ambiguousOrUndecodablePaths() {
    assertJsonError(
        400,
        "Bad Request",
        "PUT /api/app/test/%zz HTTP/1.1\r\n" + HOST + "Content-Length: 0\r\n\r\n");
    assertJsonError(400, "Bad Request", "GET /a/../../etc/passwd HTTP/1.1\r\n" + HOST + "\r\n");
  }
}
