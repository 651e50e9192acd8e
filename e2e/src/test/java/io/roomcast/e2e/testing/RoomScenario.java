package io.roomcast.e2e.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.embedded.testing.Http;
import java.util.List;
import java.util.UUID;

/**
 * The end-to-end scenario every kind of client goes through, written once: writes through the
 * backend's HTTP API reach the room of the document's UUID as insert, update, replace and delete
 * events named after the collection, and never reach another room.
 */
public final class RoomScenario {
  /** Makes a client of one kind that joins the given rooms. */
  @FunctionalInterface
  public interface ClientFactory {
    WatchingClient join(String socketUrl, List<String> rooms);
  }

  private static final String COLLECTION = "test";
  private static final String API = "/api/app/" + COLLECTION + "/";

  private RoomScenario() {}

  public static void run(Stack stack, ClientFactory clients) {
    String roomA = UUID.randomUUID().toString();
    String roomB = UUID.randomUUID().toString();
    Http http = new Http(stack.backendUrl());
    try (WatchingClient inA = clients.join(stack.socketUrl(), List.of(roomA));
        WatchingClient inB = clients.join(stack.socketUrl(), List.of(roomB))) {
      assertTrue(inA.awaitJoined().path("ok").asBoolean(), inA.describe() + " " + inA.joinAck());
      assertTrue(inB.awaitJoined().path("ok").asBoolean(), inB.describe() + " " + inB.joinAck());

      write(http, "POST", "/update", "{\"uuid\":\"" + roomA + "\",\"data\":{\"step\":1}}");
      ReceivedEvent insert = awaitOperation(inA, roomA, "insert");
      assertEquals(1, insert.body().path("data").path("step").asInt(), insert.body().toString());

      write(http, "POST", "/update", "{\"uuid\":\"" + roomA + "\",\"data\":{\"step\":2}}");
      ReceivedEvent update = awaitOperation(inA, roomA, "update");
      assertEquals(2, update.body().path("data").path("step").asInt(), update.body().toString());

      write(http, "PUT", API + roomA, "{\"title\":\"replaced\"}");
      ReceivedEvent replace = awaitOperation(inA, roomA, "replace");
      assertEquals("replaced", replace.body().path("title").asText(), replace.body().toString());
      assertTrue(replace.body().path("data").isMissingNode(), replace.body().toString());

      write(http, "PATCH", API + roomA, "{\"title\":\"patched\"}");
      awaitEventWhere(
          inA, "update setting title", e -> "patched".equals(e.body().path("title").asText()));

      write(http, "DELETE", API + roomA, null);
      ReceivedEvent delete = awaitOperation(inA, roomA, "delete");
      assertEquals("{\"uuid\":\"" + roomA + "\"}", delete.body().toString());

      write(http, "POST", "/update", "{\"uuid\":\"" + roomB + "\",\"data\":{\"room\":\"B\"}}");
      awaitOperation(inB, roomB, "insert");
      // A fence in room A, written after B's change: if B's event were leaking into room A, it
      // would
      // have arrived before this one (each stream is delivered in commit order).
      write(http, "POST", "/update", "{\"uuid\":\"" + roomA + "\",\"data\":{\"fence\":true}}");
      awaitEventWhere(inA, "the fence", e -> e.body().path("data").path("fence").asBoolean());
      assertOnlyRoom(inA, roomA);
      assertOnlyRoom(inB, roomB);
    }
  }

  private static void write(Http http, String method, String path, String body) {
    Http.Reply response = http.send(method, path, body);
    assertTrue(response.status() / 100 == 2, method + " " + path + " -> " + response);
  }

  private static ReceivedEvent awaitOperation(WatchingClient client, String room, String op) {
    ReceivedEvent event =
        client.awaitEvent(
            op + " in " + room,
            e ->
                COLLECTION.equals(e.name())
                    && op.equals(e.operationType())
                    && room.equals(e.uuid()));
    assertEquals(COLLECTION, event.meta().path("collection").asText(), event.meta().toString());
    assertEquals("app", event.meta().path("db").asText(), event.meta().toString());
    return event;
  }

  private static void awaitEventWhere(
      WatchingClient client, String what, java.util.function.Predicate<ReceivedEvent> condition) {
    client.awaitEvent(what, condition);
  }

  private static void assertOnlyRoom(WatchingClient client, String room) {
    for (ReceivedEvent event : client.events()) {
      assertEquals(
          room, event.uuid(), client.describe() + " received another room's event " + event);
    }
  }
}
