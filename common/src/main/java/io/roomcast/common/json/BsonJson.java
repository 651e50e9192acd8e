package io.roomcast.common.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomcast.common.uuid.Uuids;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonRegularExpression;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

/**
 * The one mapping from BSON to JSON that every Roomcast component uses, so that a document looks
 * the same whether it arrives over a socket or from the REST API.
 *
 * <ul>
 *   <li>ObjectId: 24-character hex string
 *   <li>date: ISO-8601 string in UTC, e.g. {@code 2026-11-23T20:01:04.123Z}
 *   <li>binary subtype 4 (UUID): canonical lowercase UUID string; any other binary: base64 string
 *   <li>Decimal128: string, so that no precision is lost
 *   <li>int32, int64, double: JSON numbers; NaN and infinities: strings {@code "NaN"}, {@code
 *       "Infinity"}, {@code "-Infinity"}
 *   <li>timestamp: {@code {"t": seconds, "i": increment}}
 *   <li>regular expression: {@code "/pattern/options"}; JavaScript and symbol: their text
 *   <li>null, undefined, MinKey, MaxKey: null
 * </ul>
 */
public final class BsonJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private BsonJson() {}

  /** Maps a document to a JSON object, keeping field order. */
  public static ObjectNode toJson(BsonDocument document) {
    ObjectNode object = NODES.objectNode();
    for (Map.Entry<String, BsonValue> field : document.entrySet()) {
      object.set(field.getKey(), toJson(field.getValue()));
    }
    return object;
  }

  /** Maps any BSON value as the class comment lists. */
  public static JsonNode toJson(BsonValue value) {
    switch (value.getBsonType()) {
      case DOCUMENT:
        return toJson(value.asDocument());
      case ARRAY:
        return toJson(value.asArray());
      case STRING:
        return NODES.textNode(value.asString().getValue());
      case INT32:
        return NODES.numberNode(value.asInt32().getValue());
      case INT64:
        return NODES.numberNode(value.asInt64().getValue());
      case DOUBLE:
        return toJson(value.asDouble().getValue());
      case BOOLEAN:
        return NODES.booleanNode(value.asBoolean().getValue());
      case OBJECT_ID:
        return NODES.textNode(value.asObjectId().getValue().toHexString());
      case DATE_TIME:
        return NODES.textNode(Instant.ofEpochMilli(value.asDateTime().getValue()).toString());
      case DECIMAL128:
        return NODES.textNode(value.asDecimal128().getValue().toString());
      case BINARY:
        return toJson(value.asBinary());
      case TIMESTAMP:
        return toJson(value.asTimestamp());
      case REGULAR_EXPRESSION:
        BsonRegularExpression regex = value.asRegularExpression();
        return NODES.textNode("/" + regex.getPattern() + "/" + regex.getOptions());
      case JAVASCRIPT:
        return NODES.textNode(value.asJavaScript().getCode());
      case JAVASCRIPT_WITH_SCOPE:
        return NODES.textNode(value.asJavaScriptWithScope().getCode());
      case SYMBOL:
        return NODES.textNode(value.asSymbol().getSymbol());
      case DB_POINTER:
        return NODES.textNode(value.asDBPointer().getId().toHexString());
      default:
        // NULL, UNDEFINED, MIN_KEY, MAX_KEY, END_OF_DOCUMENT have no JSON counterpart.
        return NODES.nullNode();
    }
  }

  private static ArrayNode toJson(BsonArray array) {
    ArrayNode list = NODES.arrayNode(array.size());
    for (BsonValue item : array) {
      list.add(toJson(item));
    }
    return list;
  }

  private static JsonNode toJson(double number) {
    if (Double.isNaN(number) || Double.isInfinite(number)) {
      return NODES.textNode(Double.toString(number));
    }
    return NODES.numberNode(number);
  }

  private static JsonNode toJson(BsonBinary binary) {
    return Uuids.fromBinary(binary)
        .<JsonNode>map(uuid -> NODES.textNode(Uuids.roomName(uuid)))
        .orElseGet(() -> NODES.textNode(Base64.getEncoder().encodeToString(binary.getData())));
  }

  private static ObjectNode toJson(BsonTimestamp timestamp) {
    ObjectNode object = NODES.objectNode();
    object.put("t", timestamp.getTime() & 0xFFFFFFFFL);
    object.put("i", timestamp.getInc() & 0xFFFFFFFFL);
    return object;
  }
}
