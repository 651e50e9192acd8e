package io.roomcast.backend.http;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.backend.testing.StalledBodies;
import io.roomcast.backend.testing.TestBackend;
import io.roomcast.embedded.testing.CapturedLog;
import io.roomcast.embedded.testing.Http;
import io.roomcast.embedded.testing.RawHttp;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Clients that announce a body and never send it (slowloris): they cannot keep others from being
 * served, each gets a JSON 408 and is closed after BACKEND_REQUEST_TIMEOUT_MS, nothing is written,
 * and the log has no ERROR line or stack trace. Past BACKEND_MAX_CONNECTIONS, a new client waits
 * for them.
 */
class SlowlorisIT {
  private static final String TIMEOUT_ERROR = "the request body did not arrive in time";

  @Test
  void aFreshClientIsServedWhile500StalledBodiesWaitAndEachThenGetsA408() {
    int stalledCount = 500;
    int timeoutMs = 15_000; // long enough for the fresh request on a loaded machine
    try (CapturedLog log = CapturedLog.all();
        TestBackend backend =
            TestBackend.start(Map.of("BACKEND_REQUEST_TIMEOUT_MS", Integer.toString(timeoutMs)))) {
      try (StalledBodies stalled =
          StalledBodies.open(backend.http().baseUrl(), stalledCount, bound(timeoutMs))) {
        Http.Reply fresh = backend.http().json("POST", "/update", "{\"data\":\"fresh\"}");
        assertEquals(201, fresh.status(), fresh.toString());
        assertEquals(stalledCount, stalled.stillWaiting(), "served while all were stalled");

        assertAllTimedOut(stalled.replies());
        assertTrue(stalled.allClosedByServer());
      }
      assertEquals(1, backend.contents("app", "test").size(), "only the fresh client wrote");
      assertEquals(List.of(), log.errorsAndStackTraces());
    }
  }

  @Test
  void pastTheConnectionLimitANewClientWaitsForTheStalledOnesToBeClosed() {
    int limit = 20;
    int timeoutMs = 1_500;
    try (TestBackend backend =
        TestBackend.start(
            Map.of(
                "BACKEND_REQUEST_TIMEOUT_MS",
                Integer.toString(timeoutMs),
                "BACKEND_MAX_CONNECTIONS",
                Integer.toString(limit)))) {
      try (StalledBodies stalled =
          StalledBodies.open(backend.http().baseUrl(), limit, bound(timeoutMs))) {
        Http.Reply fresh =
            RawHttp.exchange(
                backend.http().baseUrl(),
                "GET /config.json HTTP/1.1\r\nHost: backend\r\nConnection: close\r\n\r\n");
        assertEquals(200, fresh.status(), fresh.toString());
        assertTrue(
            stalled.stillWaiting() < limit,
            "the new client was only served once stalled connections were closed");
        assertAllTimedOut(stalled.replies());
      }
    }
  }

  @Test
  void clientsThatGiveUpMidBodyLeaveNoErrorInTheLog() {
    int count = 100;
    try (CapturedLog log = CapturedLog.all();
        TestBackend backend = TestBackend.start()) {
      int before = backend.openConnections();
      try (StalledBodies stalled =
          StalledBodies.open(backend.http().baseUrl(), count, bound(10_000))) {
        await().atMost(bound(0)).until(() -> backend.openConnections() >= before + count);
      }
      await().atMost(bound(0)).until(() -> backend.openConnections() <= before);
      assertEquals(201, backend.http().json("POST", "/update", "{\"data\":1}").status());
      assertEquals(1, backend.contents("app", "test").size(), "only the last request wrote");
      assertEquals(List.of(), log.errorsAndStackTraces());
    }
  }

  @Test
  void connectionsStalledInTheirHeadersAreClosedAfterTheTimeout() throws Exception {
    int count = 50;
    try (CapturedLog log = CapturedLog.all();
        TestBackend backend = TestBackend.start(Map.of("BACKEND_REQUEST_TIMEOUT_MS", "1000"))) {
      List<Socket> sockets = new ArrayList<>();
      try {
        for (int i = 0; i < count; i++) {
          Socket socket = RawHttp.connect(backend.http().baseUrl(), bound(1_000));
          sockets.add(socket);
          socket.getOutputStream().write("POST /update HTTP/1.1\r\nHost: b".getBytes(US_ASCII));
        }
        for (Socket socket : sockets) {
          byte[] answer = socket.getInputStream().readAllBytes(); // to EOF, within the bound
          String text = new String(answer, US_ASCII);
          assertTrue(text.isEmpty() || text.startsWith("HTTP/1.1 408 "), text);
        }
      } finally {
        for (Socket socket : sockets) {
          socket.close();
        }
      }
      assertEquals(List.of(), log.errorsAndStackTraces());
    }
  }

  /** How long a test waits for the timeout to act: the setting plus a generous margin. */
  private static Duration bound(int timeoutMs) {
    return Duration.ofMillis(timeoutMs + 20_000);
  }

  private static void assertAllTimedOut(List<Http.Reply> replies) {
    for (Http.Reply reply : replies) {
      assertEquals(408, reply.status(), reply.toString());
      assertEquals(TIMEOUT_ERROR, reply.error(), reply.toString());
      assertEquals("application/json", reply.header("Content-Type").orElse("").split(";")[0]);
    }
  }
}
