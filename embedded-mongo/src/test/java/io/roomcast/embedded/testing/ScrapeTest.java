package io.roomcast.embedded.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The label check the metrics tests rely on finds each kind of private value. */
class ScrapeTest {
  @Test
  void flagsUuidsGivenValuesAndAddressesButNotMongoServers() {
    Scrape scrape =
        Scrape.parse(
            "# HELP x\n"
                + "a_total{room=\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"} 1.0\n"
                + "b_total{v=\"secret-42\"} 2.0\n"
                + "c_total{client=\"10.1.2.3:5555\"} 3.0\n"
                + "d{server_address=\"127.0.0.1:27017\",route=\"/api/{db}/{collection}/{uuid}\"} 4\n");
    assertEquals(
        List.of(
            "a_total{room=3f2504e0-4f89-11d3-9a0c-0305e82c3301}",
            "b_total{v=secret-42}",
            "c_total{client=10.1.2.3:5555}"),
        scrape.privateLabels("secret-42"));
    assertEquals(4.0, scrape.value("d", "route=/api/{db}/{collection}/{uuid}"));
  }
}
