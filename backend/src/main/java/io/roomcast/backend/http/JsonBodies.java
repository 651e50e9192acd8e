package io.roomcast.backend.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Reads a request body as a JSON object: {@code application/json} only, at most {@code maxBytes}
 * (counted while reading, so chunked bodies are bounded too; never more is kept in memory), strict
 * JSON with no duplicate names and nothing after the value.
 */
public final class JsonBodies {
  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /** Oversized bodies up to this size are read to the end before the 413 (see readAtMost). */
  static final long DRAIN_LIMIT_BYTES = 4L * 1024 * 1024;

  private final int maxBytes;
  private final long drainLimit;

  public JsonBodies(int maxBytes) {
    this.maxBytes = maxBytes;
    this.drainLimit = Math.max(maxBytes, DRAIN_LIMIT_BYTES);
  }

  /** The body as a JSON object, or an {@link ApiError} saying what is wrong with it. */
  public ObjectNode object(Context ctx) {
    JsonNode node = parse(read(ctx));
    if (!node.isObject()) {
      throw ApiError.badRequest("the request body must be a JSON object");
    }
    return (ObjectNode) node;
  }

  private byte[] read(Context ctx) {
    requireJsonContentType(ctx.contentType());
    long declared = ctx.req().getContentLengthLong();
    if (declared > drainLimit) {
      // Not worth reading: answer now and close, even if some clients then see a reset.
      ctx.header("Connection", "close");
      throw tooLarge();
    }
    try (InputStream in = ctx.bodyInputStream()) {
      return readAtMost(in);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the request body failed", e);
    }
  }

  /**
   * Keeps at most {@code maxBytes}; reads (and drops) the rest of a moderately oversized body so
   * the client, still sending, reliably receives the 413 instead of a connection reset.
   */
  private byte[] readAtMost(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    long total = 0;
    int read;
    while ((read = in.read(chunk)) != -1) {
      total += read;
      if (total <= maxBytes) {
        out.write(chunk, 0, read);
      } else if (total > drainLimit) {
        break;
      }
    }
    if (total > maxBytes) {
      throw tooLarge();
    }
    return out.toByteArray();
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      throw ApiError.badRequest("the request body is empty; send a JSON object");
    }
    try {
      return STRICT.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest("malformed JSON: " + describe(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
      throw new ApiError(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "Content-Type must be application/json"
              + (contentType == null ? "" : ", not " + contentType));
    }
  }

  private ApiError tooLarge() {
    return new ApiError(
        HttpStatus.CONTENT_TOO_LARGE, "the request body is larger than " + maxBytes + " bytes");
  }
}
