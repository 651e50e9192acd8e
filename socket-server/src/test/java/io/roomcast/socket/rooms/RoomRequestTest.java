package io.roomcast.socket.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoomRequestTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String A = "3b241101-e2bb-4255-8caf-4136c566a962";
  private static final String B = "00000000-0000-4000-8000-000000000001";

  private static RoomRequest parse(String json) throws Exception {
    return RoomRequest.parse("JoinRoom", JSON.readTree(json));
  }

  @Test
  void acceptsUuidsInAnyCaseAndNamesRoomsInLowercase() throws Exception {
    RoomRequest request = parse("[\"" + A.toUpperCase() + "\",\"" + B + "\",\"" + A + "\"]");
    assertTrue(request.valid());
    assertEquals(Set.of(A, B), request.rooms());
    assertEquals(3, request.items().size());
  }

  @Test
  void anEmptyArrayIsAValidNoOp() throws Exception {
    assertTrue(parse("[]").valid());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"" + A + "\"", "{\"uuid\":\"" + A + "\"}", "42", "null", "true"})
  void rejectsAPayloadThatIsNotAnArray(String payload) throws Exception {
    RoomRequest request = parse(payload);
    assertFalse(request.valid());
    assertTrue(
        request.error().startsWith("JoinRoom expects an array of UUID strings"), request.error());
    assertTrue(request.rooms().isEmpty());
  }

  @Test
  void rejectsAMissingPayload() {
    RoomRequest request = RoomRequest.parse("LeaveRoom", null);
    assertFalse(request.valid());
    assertTrue(request.error().contains("got nothing"), request.error());
  }

  @Test
  void rejectsTheWholeRequestWhenOneItemIsBad() throws Exception {
    RoomRequest request = parse("[\"" + A + "\", 7, \"1-2-3-4-5\", null, [\"" + B + "\"]]");
    assertFalse(request.valid());
    assertEquals("4 of 5 items are not UUID strings; nothing done", request.error());
    List<String> reasons =
        request.items().stream().map(item -> String.valueOf(item.reason())).toList();
    assertEquals(
        List.of("null", "not a string", "not a UUID", "not a string", "not a string"), reasons);
  }

  @Test
  void theRejectionListsEveryItem() throws Exception {
    RoomRequest request = parse("[\"" + A + "\", \"nope\"]");
    JsonNode reply = RoomReply.rejected(request, request.error(), RoomReply.REQUEST_REJECTED);
    assertEquals(
        JSON.readTree(
            "{\"ok\":false,\"error\":\"1 of 2 items are not UUID strings; nothing done\",\"results\":["
                + "{\"uuid\":\""
                + A
                + "\",\"status\":\"rejected\",\"reason\":\"request rejected\"},"
                + "{\"uuid\":\"nope\",\"status\":\"rejected\",\"reason\":\"not a UUID\"}]}"),
        reply);
  }
}
