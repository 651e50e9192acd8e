package io.roomcast.socket.metrics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.testing.Scrape;
import io.roomcast.socket.SocketServer;
import io.roomcast.socket.testing.Eio3PollingClient;
import io.roomcast.socket.testing.JavaClient;
import io.roomcast.socket.testing.MongoWriter;
import io.roomcast.socket.testing.SocketServers;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.json.JSONArray;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} on the admin port after real traffic: clients of both protocols and
 * transports, joins, refusals, changes with and without a UUID. Every meter the operator guide
 * names is there with the right value, and no label carries a UUID, a document value or an address.
 */
class MetricsIT {
  private static final String DOCUMENT_VALUE = "document-value-7f3";
  private static final String UNROUTED_VALUE = "unrouted-value-2c9";

  @Test
  void scrapeAfterTrafficCountsTheWorkWithoutPrivateLabels() throws Exception {
    try (EmbeddedMongo mongo = EmbeddedMongo.start();
        MongoWriter writer = new MongoWriter(mongo.connectionString());
        SocketServer server = SocketServers.start(mongo.connectionString());
        JavaClient websocket =
            JavaClient.connect(SocketServers.url(server), "websocket").awaitConnected();
        JavaClient polling =
            JavaClient.connect(SocketServers.url(server), "polling").awaitConnected()) {
      Eio3PollingClient.connect(SocketServers.url(server)); // a Socket.IO v2 client
      String room = UUID.randomUUID().toString();
      websocket.join(room);
      polling.join(room);
      websocket.emitWithAck("JoinRoom", new JSONArray(List.of("not-a-uuid")));
      BsonDocument routed =
          MongoWriter.document(UUID.fromString(room), "{}")
              .append("v", new BsonString(DOCUMENT_VALUE));
      writer.collection("app", "items").insertOne(routed);
      writer
          .collection("app", "items")
          .insertOne(new BsonDocument("v", new BsonString(UNROUTED_VALUE)));
      websocket.awaitEvent("the change", event -> event.name().equals("items"));
      polling.awaitEvent("the change", event -> event.name().equals("items"));

      String metrics = SocketServers.adminUrl(server) + "/metrics";
      Scrape scrape =
          await("both changes counted")
              .atMost(Duration.ofSeconds(20))
              .until(
                  () -> Scrape.of(metrics),
                  s ->
                      s.value("roomcast_changes_without_uuid_total") == 1.0
                          && s.value("roomcast_deliveries_total") == 2.0);

      assertEquals(
          1.0, scrape.value("roomcast_clients_connected", "transport=websocket", "protocol=eio4"));
      assertEquals(
          1.0, scrape.value("roomcast_clients_connected", "transport=polling", "protocol=eio4"));
      assertEquals(
          1.0, scrape.value("roomcast_clients_connected", "transport=polling", "protocol=eio3"));
      assertEquals(1.0, scrape.value("roomcast_rooms"));
      assertEquals(2.0, scrape.value("roomcast_room_joins_total"), "one room by each client");
      assertEquals(1.0, scrape.value("roomcast_room_refusals_total", "reason=invalid_request"));
      assertEquals(0.0, scrape.value("roomcast_room_refusals_total", "reason=room_limit"));
      assertEquals(
          2.0,
          scrape.value(
              "roomcast_changes_total", "database=app", "collection=items", "operation=insert"));
      assertEquals(1.0, scrape.value("roomcast_changes_routed_total"));
      assertEquals(1.0, scrape.value("roomcast_delivery_latency_seconds_count"));
      assertTrue(scrape.has("roomcast_delivery_latency_seconds_bucket"));
      assertEquals(1.0, scrape.value("roomcast_stream_state", "database=app", "state=open"));
      assertEquals(0.0, scrape.value("roomcast_stream_reopenings_total", "database=app"));
      assertEquals(0.0, scrape.value("roomcast_stream_state", "database=app", "state=connecting"));
      double lag = scrape.value("roomcast_stream_lag_seconds", "database=app");
      assertTrue(lag >= 0 && lag < 5, "lag " + lag);
      for (String name :
          List.of(
              "mongodb_driver_commands_seconds_count",
              "mongodb_driver_pool_size",
              "jvm_memory_used_bytes",
              "jvm_gc_memory_allocated_bytes_total",
              "jvm_threads_live_threads",
              "roomcast_netty_direct_memory_used_bytes")) {
        assertTrue(scrape.has(name), name + " missing");
      }
      assertEquals(List.of(), scrape.privateLabels(room, DOCUMENT_VALUE, UNROUTED_VALUE));
    }
  }
}
