package io.roomcast.backend.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadRequestResponse;
import io.roomcast.common.json.BsonJson;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonToBsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text);
  }

  private static BsonValue convert(String text) throws Exception {
    return JsonToBson.value(json(text), "body");
  }

  @Test
  void integersBecomeTheSmallestBsonIntegerThatHoldsThem() throws Exception {
    assertEquals(BsonType.INT32, convert("2147483647").getBsonType());
    assertEquals(BsonType.INT64, convert("2147483648").getBsonType());
    assertEquals(BsonType.INT64, convert("-9223372036854775808").getBsonType());
    assertEquals(BsonType.DECIMAL128, convert("9223372036854775808").getBsonType());
    assertEquals(
        "9223372036854775808", convert("9223372036854775808").asDecimal128().getValue().toString());
  }

  @Test
  void fractionsAndExponentsBecomeDoubles() throws Exception {
    assertEquals(1.5, convert("1.5").asDouble().getValue());
    assertEquals(1000.0, convert("1e3").asDouble().getValue());
  }

  @Test
  void stringsBooleansAndNullMapDirectly() throws Exception {
    assertEquals("héllo", convert("\"héllo\"").asString().getValue());
    assertTrue(convert("true").asBoolean().getValue());
    assertTrue(convert("null").isNull());
  }

  @Test
  void nestedDocumentsAndArraysKeepOrderAndRoundTripThroughTheCommonMapping() throws Exception {
    String text = "{\"b\":1,\"a\":[1,\"x\",{\"c\":null,\"d\":[true,2.5]}],\"e\":{}}";
    BsonDocument document = JsonToBson.document(json(text), "body");
    assertEquals(json(text), BsonJson.toJson(document));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"$set\":{\"a\":1}}",
        "{\"a\":{\"$gt\":1}}",
        "{\"a\":[{\"b\":[{\"$where\":\"1\"}]}]}",
        "{\"a.b\":1}",
        "{\"x\":{\"y\":{\"z.w\":1}}}",
        "{\"a\\u0000b\":1}"
      })
  void operatorDottedAndNulNamesAreRefusedAtAnyDepth(String text) throws Exception {
    BadRequestResponse e =
        assertThrows(BadRequestResponse.class, () -> JsonToBson.document(json(text), "body"));
    assertTrue(e.getMessage().startsWith("field name '"), e.getMessage());
  }

  @Test
  void theMessageSaysWhereTheBadNameIs() throws Exception {
    BadRequestResponse e =
        assertThrows(
            BadRequestResponse.class,
            () -> JsonToBson.value(json("{\"a\":[{\"$inc\":1}]}"), "body.data"));
    assertEquals("field name '$inc' in body.data.a[0] must not start with '$'", e.getMessage());
  }

  @Test
  void aNulInANameIsShownVisibly() throws Exception {
    BadRequestResponse e =
        assertThrows(BadRequestResponse.class, () -> convert("{\"a\\u0000\":1}"));
    assertEquals(
        "field name 'a\\u0000' in body must not contain the NUL character", e.getMessage());
  }

  @Test
  void dollarInsideANameOrAValueIsFine() throws Exception {
    BsonValue value = convert("{\"price$\":\"$5\"}");
    assertEquals("$5", value.asDocument().getString("price$").getValue());
  }

  @Test
  void documentRequiresAnObject() {
    BadRequestResponse e =
        assertThrows(BadRequestResponse.class, () -> JsonToBson.document(json("[1]"), "body"));
    assertEquals("body must be a JSON object", e.getMessage());
  }

  @Test
  void nestingDeeperThanMongoDbAllowsIsRefused() throws Exception {
    String deep = "[".repeat(JsonToBson.MAX_DEPTH + 1) + "]".repeat(JsonToBson.MAX_DEPTH + 1);
    BadRequestResponse e = assertThrows(BadRequestResponse.class, () -> convert(deep));
    assertTrue(e.getMessage().contains("nested deeper than 100 levels"), e.getMessage());
    String limit = "[".repeat(JsonToBson.MAX_DEPTH) + "]".repeat(JsonToBson.MAX_DEPTH);
    assertEquals(BsonType.ARRAY, convert(limit).getBsonType());
  }

  @Test
  void numbersBeyondDoubleRangeAreRefused() {
    BadRequestResponse e = assertThrows(BadRequestResponse.class, () -> convert("1e400"));
    assertEquals("body is a number too large for a double", e.getMessage());
  }
}
