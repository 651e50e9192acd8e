package io.roomcast.backend.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.roomcast.backend.testing.TestBackend;
import io.roomcast.embedded.testing.Http;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The page and what it needs are served by the backend itself. */
class PageIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void servesThePageTheClientLibraryAndTheConfig() throws Exception {
    try (TestBackend backend = TestBackend.start()) {
      Http http = backend.http();
      Http.Reply page = http.get("/");
      assertEquals(200, page.status());
      assertTrue(page.header("Content-Type").orElseThrow().startsWith("text/html"));
      assertTrue(page.body().contains("vendor/socket.io.min.js"), "the page loads the client");

      Http.Reply library = http.get("/vendor/socket.io.min.js");
      assertEquals(200, library.status());
      assertTrue(library.body().contains("Socket.IO v4"), "the bundled official client");

      Http.Reply config = http.get("/config.json");
      assertEquals(200, config.status());
      assertEquals(
          MAPPER.readTree(
              "{\"socketUrl\":\"\",\"updatePath\":\"/update\",\"uuidField\":\"uuid\",\"tokenPath\":null}"),
          config.json());
    }
  }

  @Test
  void theConfigCarriesTheConfiguredSocketUrl() {
    try (TestBackend backend =
        TestBackend.start(Map.of("PUBLIC_SOCKET_URL", "https://live.example:8443"))) {
      assertEquals(
          "https://live.example:8443",
          backend.http().get("/config.json").json().path("socketUrl").asText());
    }
  }
}
