package io.roomcast.backend.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Real HTTP requests to the backend with java.net.http, and their JSON replies. */
public final class Http {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** Status, headers and body of one exchange. */
  public record Reply(int status, Map<String, java.util.List<String>> headers, String body) {
    public JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
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

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  private final String baseUrl;

  Http(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public Reply get(String path) {
    return send(request(path).GET());
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

  /**
   * Only the head of a request announcing a JSON body of {@code contentLength} bytes with {@code
   * Expect: 100-continue}, over a plain socket: returns the status line the server answers before
   * any of the body is sent. (java.net.http's own expect-continue support does not return then.)
   */
  public String statusLineForAnnouncedBody(String path, long contentLength) {
    URI uri = URI.create(baseUrl);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      String head =
          "POST "
              + path
              + " HTTP/1.1\r\nHost: "
              + uri.getAuthority()
              + "\r\nContent-Type: application/json\r\nContent-Length: "
              + contentLength
              + "\r\nExpect: 100-continue\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      return in.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
