package io.roomcast.backend.ops;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.backend.testing.TestBackend;
import io.roomcast.embedded.testing.Http;
import io.roomcast.embedded.testing.Scrape;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The backend's {@code /metrics} after real requests (route templates, statuses, refused writes,
 * driver and JVM meters, no private label), and its probes, before and after the database goes.
 */
class OpsIT {
  private static final String DOCUMENT_VALUE = "document-value-51a";

  @Test
  void metricsCountRequestsByRouteTemplateWithoutPrivateLabels() throws Exception {
    try (TestBackend backend = TestBackend.start()) {
      Http http = backend.http();
      String uuid = UUID.randomUUID().toString();
      assertEquals(
          201,
          http.json(
                  "POST",
                  "/update",
                  "{\"uuid\":\"" + uuid + "\",\"data\":\"" + DOCUMENT_VALUE + "\"}")
              .status());
      assertEquals(400, http.json("POST", "/update", "{\"data\":1,\"extra\":2}").status());
      assertEquals(200, http.get("/api/app/test/" + uuid).status());
      assertEquals(404, http.get("/no/such/" + uuid).status());

      Scrape scrape = Scrape.of(http.baseUrl() + "/metrics");
      assertEquals(
          1.0,
          scrape.value(
              "roomcast_http_requests_seconds_count",
              "method=POST",
              "route=/update",
              "status=201"));
      assertEquals(
          1.0,
          scrape.value(
              "roomcast_http_requests_seconds_count",
              "method=GET",
              "route=/api/{db}/{collection}/{uuid}",
              "status=200"));
      assertEquals(
          1.0,
          scrape.value("roomcast_http_requests_seconds_count", "route=unmatched", "status=404"));
      assertEquals(
          1.0, scrape.value("roomcast_backend_writes_rejected_total", "reason=invalid_input"));
      assertEquals(0.0, scrape.value("roomcast_backend_writes_rejected_total", "reason=conflict"));
      assertTrue(scrape.has("mongodb_driver_commands_seconds_count"));
      assertTrue(scrape.has("mongodb_driver_pool_size"));
      assertTrue(scrape.has("jvm_memory_used_bytes"));
      assertEquals(List.of(), scrape.privateLabels(uuid, DOCUMENT_VALUE));
    }
  }

  @Test
  void readyWhileTheDatabaseAnswersAnd503NamingItAfter() throws Exception {
    try (TestBackend backend = TestBackend.start()) {
      Http http = backend.http();
      assertEquals(200, http.get("/health/live").status());
      Http.Reply ready = http.get("/health/ready");
      assertEquals(200, ready.status(), ready.body());
      assertEquals("database", ready.json().path("checks").path(0).path("name").asText());

      backend.stopDatabase();
      Http.Reply notReady =
          await("not ready without the database")
              .atMost(Duration.ofSeconds(30))
              .until(() -> http.get("/health/ready"), reply -> reply.status() == 503);
      assertEquals("[\"database\"]", notReady.json().path("failed").toString(), notReady.body());
      assertEquals(200, http.get("/health/live").status());
    }
  }
}
