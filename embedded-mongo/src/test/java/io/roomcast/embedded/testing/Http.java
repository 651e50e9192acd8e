package io.roomcast.embedded.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Real HTTP/1.1 requests with java.net.http (pooled connections), and their replies as text or
 * JSON. For what java.net.http cannot send or must not reuse a connection for, see {@link RawHttp}.
 */
public final class Http {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** Status, headers and body bytes of one exchange. */
  public record Reply(int status, Map<String, List<String>> headers, byte[] bytes) {
    /** The body as UTF-8 text. */
    public String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The body as JSON (a missing node when the body is empty). */
    public JsonNode json() {
      try {
        return body().isBlank() ? MissingNode.getInstance() : MAPPER.readTree(bytes);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body(), e);
      }
    }

    /** The error text of a refusal. */
    public String error() {
      return json().path("error").asText();
    }

    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(h -> h.getKey().equalsIgnoreCase(name))
          .flatMap(h -> h.getValue().stream())
          .findFirst();
    }

    /** The Content-Type, or "" when there is none. */
    public String contentType() {
      return header("Content-Type").orElse("");
    }

    public boolean hasHeader(String name) {
      return header(name).isPresent();
    }

    /** The header block, one {@code Name: value} line per value, for assertion messages. */
    public String head() {
      StringBuilder head = new StringBuilder();
      headers.forEach((name, values) -> values.forEach(v -> head.append(name + ": " + v + "\n")));
      return head.toString();
    }

    @Override
    public String toString() {
      return status + " " + body();
    }
  }

  private final String baseUrl;

  /** Requests to {@code baseUrl}, e.g. {@code http://127.0.0.1:1234}. */
  public Http(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** A GET of an absolute URL, e.g. a health probe or a metrics scrape. */
  public static Reply fetch(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET());
  }

  public String baseUrl() {
    return baseUrl;
  }

  public Reply get(String path) {
    return send(request(path).GET());
  }

  /** A JSON body with Content-Type application/json, or no body when {@code json} is null. */
  public Reply send(String method, String path, String json) {
    return json == null ? send(method, path, null, null) : json(method, path, json);
  }

  /** A JSON body with Content-Type application/json. */
  public Reply json(String method, String path, String body) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Any method, content type (null for none) and body bytes (null for none). */
  public Reply send(String method, String path, String contentType, byte[] body) {
    HttpRequest.Builder request = request(path);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(
        request.method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** A JSON body sent chunked, without Content-Length. */
  public Reply chunkedJson(String method, String path, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .method(
                method,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
  }

  /** A request with extra headers, e.g. CORS. */
  public Reply withHeaders(String method, String path, Map<String, String> headers, String json) {
    HttpRequest.Builder request = request(path);
    headers.forEach(request::header);
    return send(
        request.method(
            method,
            json == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
  }

  private static Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<byte[]> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
