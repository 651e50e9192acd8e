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
import java.io.InputStream;
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

  /** Oversized bodies up to this size are read to the end, and dropped, before the 413. */
  static final long DRAIN_LIMIT_BYTES = 4L * 1024 * 1024;

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

  private byte[] read(Context ctx) throws IOException {
    requireJsonContentType(ctx.contentType());
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      // Refused unread; a client that announced a moderate size is likely sending it already.
      if (declared <= DRAIN_LIMIT_BYTES) {
        drain(ctx);
      }
      throw tooLarge();
    }
    try {
      byte[] body = ctx.bodyAsBytes();
      UnreadBodies.markRead(ctx);
      return body;
    } catch (HttpResponseException e) {
      if (e.getStatus() == HttpStatus.CONTENT_TOO_LARGE.getCode()) {
        drain(ctx); // a chunked body over maxRequestSize
        throw tooLarge();
      }
      throw e;
    }
  }

  /**
   * Reads and drops what is left of an oversized body, up to {@link #DRAIN_LIMIT_BYTES}: a client
   * still sending would otherwise see the connection reset instead of the 413 (java.net.http, for
   * one, reports the reset and not the reply). Beyond that the reply closes the connection ({@link
   * UnreadBodies}).
   */
  private static void drain(Context ctx) throws IOException {
    InputStream in = ctx.req().getInputStream();
    long left = DRAIN_LIMIT_BYTES;
    long skipped;
    while (left > 0 && (skipped = in.skip(left)) > 0) {
      left -= skipped;
    }
    if (in.read() == -1) {
      UnreadBodies.markRead(ctx);
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
