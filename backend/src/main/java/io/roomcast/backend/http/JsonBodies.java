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
 * (checked against Content-Length first, and while reading, so chunked bodies are bounded too),
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
    if (declared > maxBytes) {
      throw tooLarge();
    }
    try (InputStream in = ctx.bodyInputStream()) {
      return readAtMost(in);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the request body failed", e);
    }
  }

  private byte[] readAtMost(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    int read;
    while ((read = in.read(chunk)) != -1) {
      if (out.size() + read > maxBytes) {
        throw tooLarge();
      }
      out.write(chunk, 0, read);
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

  private static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    int newline = message.indexOf('\n');
    String firstLine = newline < 0 ? message : message.substring(0, newline);
    if (e.getLocation() == null) {
      return firstLine;
    }
    return firstLine
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
