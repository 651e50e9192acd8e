package io.roomcast.backend.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnsupportedMediaTypeResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads a request body as a JSON object: {@code application/json} only, at most {@code maxBytes}
 * (Javalin's {@code maxRequestSize}, counted while reading, so chunked bodies are bounded too),
 * strict JSON with no duplicate names and nothing after the value.
 */
public final class JsonBodies {
  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final int maxBytes;

  public JsonBodies(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * The body as a JSON object, or a 4xx {@link HttpResponseException} saying what is wrong with it.
   * A body that stops arriving throws Jetty's timeout {@link IOException}, which Javalin answers
   * with 408 (see {@link JettyLimits}).
   */
  public ObjectNode object(Context ctx) throws IOException {
    JsonNode node = parse(read(ctx));
    if (!node.isObject()) {
      throw new BadRequestResponse("the request body must be a JSON object");
    }
    return (ObjectNode) node;
  }

  private byte[] read(Context ctx) {
    requireJsonContentType(ctx.contentType());
    if (ctx.req().getContentLengthLong() > maxBytes) {
      // Refused before reading: the client may not even send it (Expect: 100-continue).
      ctx.header("Connection", "close");
      throw tooLarge();
    }
    try {
      return ctx.bodyAsBytes();
    } catch (HttpResponseException e) {
      if (e.getStatus() == HttpStatus.CONTENT_TOO_LARGE.getCode()) {
        throw tooLarge();
      }
      throw e;
    }
  }

  private static JsonNode parse(byte[] body) throws IOException {
    if (body.length == 0) {
      throw new BadRequestResponse("the request body is empty; send a JSON object");
    }
    try {
      return STRICT.readTree(body);
    } catch (JsonProcessingException e) {
      throw new BadRequestResponse("malformed JSON: " + describe(e));
    }
  }

  /** Jackson's reason without the parts that describe its own internals, then where. */
  private static String describe(JsonProcessingException e) {
    String reason = e.getOriginalMessage();
    for (String noise : new String[] {"\n", " (start marker at", " at [Source"}) {
      int at = reason.indexOf(noise);
      if (at >= 0) {
        reason = reason.substring(0, at);
      }
    }
    if (e.getLocation() == null) {
      return reason;
    }
    return reason
        + " (line "
        + e.getLocation().getLineNr()
        + ", column "
        + e.getLocation().getColumnNr()
        + ")";
  }

  private static void requireJsonContentType(String contentType) {
    String mediaType =
        contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!"application/json".equals(mediaType)) {
      throw new UnsupportedMediaTypeResponse(
          "Content-Type must be application/json"
              + (contentType == null ? "" : ", not " + contentType));
    }
  }

  private ContentTooLargeResponse tooLarge() {
    return new ContentTooLargeResponse("the request body is larger than " + maxBytes + " bytes");
  }
}
