package io.roomcast.backend.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.roomcast.backend.testing.TestBackend;
import io.roomcast.embedded.testing.Http;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Losing the database turns writes and reads into a clear 503, and the backend stays up. */
class DatabaseDownIT {
  @Test
  void requestsGetA503WhenTheDatabaseIsGone() {
    try (TestBackend backend = TestBackend.start()) {
      Http http = backend.http();
      assertEquals(201, http.json("POST", "/update", "{\"data\":1}").status());
      backend.stopDatabase();

      Http.Reply write = http.json("POST", "/update", "{\"data\":2}");
      assertEquals(503, write.status(), write.toString());
      assertEquals("the database is not reachable", write.error());
      Http.Reply read = http.get("/api/app/test/" + UUID.randomUUID());
      assertEquals(503, read.status(), read.toString());
      assertEquals(200, http.get("/config.json").status(), "the page is still served");
    }
  }
}
