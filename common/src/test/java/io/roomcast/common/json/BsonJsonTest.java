package io.roomcast.common.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** Decodes MongoDB Extended JSON (as the server documents it) and checks the JSON we emit. */
class BsonJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode map(String extendedJson) {
    return BsonJson.toJson(BsonDocument.parse(extendedJson));
  }

  private static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text);
  }

  @Test
  void mapsEveryScalarTypeOneDocumentedWay() throws Exception {
    JsonNode mapped =
        map(
            "{"
                + "oid: {$oid: '5f1e8a9b2c3d4e5f6a7b8c9d'},"
                + "date: {$date: '2026-11-23T20:01:04.123Z'},"
                + "uuid: {$binary: {base64: 'OyQRAeK7QlWMr0E2xWapYg==', subType: '04'}},"
                + "bin: {$binary: {base64: 'AQID', subType: '00'}},"
                + "dec: {$numberDecimal: '1234.5678901234567890'},"
                + "i32: 7, i64: {$numberLong: '9007199254740993'}, dbl: 1.5,"
                + "nan: {$numberDouble: 'NaN'}, inf: {$numberDouble: '-Infinity'},"
                + "ts: {$timestamp: {t: 1700000000, i: 3}},"
                + "re: {$regularExpression: {pattern: '^a', options: 'i'}},"
                + "nul: null, min: {$minKey: 1}, max: {$maxKey: 1}, flag: true"
                + "}");
    JsonNode expected =
        json(
            "{\"oid\":\"5f1e8a9b2c3d4e5f6a7b8c9d\",\"date\":\"2026-11-23T20:01:04.123Z\","
                + "\"uuid\":\"3b241101-e2bb-4255-8caf-4136c566a962\",\"bin\":\"AQID\","
                + "\"dec\":\"1234.5678901234567890\",\"i32\":7,\"i64\":9007199254740993,"
                + "\"dbl\":1.5,\"nan\":\"NaN\",\"inf\":\"-Infinity\","
                + "\"ts\":{\"t\":1700000000,\"i\":3},\"re\":\"/^a/i\","
                + "\"nul\":null,\"min\":null,\"max\":null,\"flag\":true}");
    // Compare the JSON text: numeric node classes (int vs long) are not part of the contract.
    assertEquals(MAPPER.writeValueAsString(expected), MAPPER.writeValueAsString(mapped));
  }

  @Test
  void mapsNestedDocumentsAndArraysKeepingOrder() throws Exception {
    JsonNode mapped = map("{z: 1, a: {list: [1, 'two', {d: {$date: {$numberLong: '0'}}}]}, m: []}");
    assertEquals(
        json("{\"z\":1,\"a\":{\"list\":[1,\"two\",{\"d\":\"1970-01-01T00:00:00Z\"}]},\"m\":[]}"),
        mapped);
    java.util.List<String> names = new java.util.ArrayList<>();
    mapped.fieldNames().forEachRemaining(names::add);
    assertEquals(java.util.List.of("z", "a", "m"), names);
  }
}
