package io.roomcast.backend.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.BadRequestResponse;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.Decimal128;

/**
 * Request JSON to the BSON the backend stores, validating field names on the way (see {@link
 * FieldNames}). Integers become int32 when they fit, else int64, else Decimal128 (up to 34 digits);
 * numbers with a fraction or exponent become doubles; strings, booleans and null map directly.
 * Reading is the inverse of {@link io.roomcast.common.json.BsonJson} for these types.
 */
public final class JsonToBson {
  /** MongoDB refuses documents nested deeper than 100 levels; fail early with a clear message. */
  public static final int MAX_DEPTH = 100;

  private JsonToBson() {}

  /** Converts a JSON object; {@code where} names it in error messages, e.g. {@code "body"}. */
  public static BsonDocument document(JsonNode object, String where) {
    if (!object.isObject()) {
      throw new BadRequestResponse(where + " must be a JSON object");
    }
    return toDocument(object, where, 1);
  }

  /** Converts any JSON value; objects and arrays are checked all the way down. */
  public static BsonValue value(JsonNode node, String where) {
    return toBson(node, where, 1);
  }

  private static BsonValue toBson(JsonNode node, String path, int depth) {
    if (depth > MAX_DEPTH) {
      throw new BadRequestResponse(path + " is nested deeper than " + MAX_DEPTH + " levels");
    }
    switch (node.getNodeType()) {
      case OBJECT:
        return toDocument(node, path, depth);
      case ARRAY:
        return toArray(node, path, depth);
      case STRING:
        return new BsonString(node.textValue());
      case BOOLEAN:
        return BsonBoolean.valueOf(node.booleanValue());
      case NUMBER:
        return toNumber(node, path);
      case NULL:
        return BsonNull.VALUE;
      default:
        throw new BadRequestResponse(path + " has a value JSON cannot carry");
    }
  }

  private static BsonDocument toDocument(JsonNode object, String path, int depth) {
    BsonDocument document = new BsonDocument();
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      String name = field.getKey();
      String fieldPath = path + "." + name;
      FieldNames.problem(name)
          .ifPresent(
              why -> {
                throw new BadRequestResponse(
                    "field name '" + printable(name) + "' in " + path + " " + why);
              });
      document.put(name, toBson(field.getValue(), fieldPath, depth + 1));
    }
    return document;
  }

  private static BsonArray toArray(JsonNode array, String path, int depth) {
    BsonArray list = new BsonArray(array.size());
    for (int i = 0; i < array.size(); i++) {
      list.add(toBson(array.get(i), path + "[" + i + "]", depth + 1));
    }
    return list;
  }

  private static BsonValue toNumber(JsonNode number, String path) {
    if (number.isIntegralNumber()) {
      if (number.canConvertToInt()) {
        return new BsonInt32(number.intValue());
      }
      if (number.canConvertToLong()) {
        return new BsonInt64(number.longValue());
      }
      return bigInteger(number.bigIntegerValue(), path);
    }
    double value = number.doubleValue();
    if (Double.isInfinite(value)) {
      throw new BadRequestResponse(path + " is a number too large for a double");
    }
    return new BsonDouble(value);
  }

  private static BsonValue bigInteger(BigInteger value, String path) {
    try {
      return new BsonDecimal128(new Decimal128(new BigDecimal(value)));
    } catch (NumberFormatException e) {
      throw new BadRequestResponse(path + " is an integer with more than 34 digits");
    }
  }

  /** Shows control characters such as NUL visibly in the message. */
  private static String printable(String name) {
    StringBuilder out = new StringBuilder();
    name.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }
}
