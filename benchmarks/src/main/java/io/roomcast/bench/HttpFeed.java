package io.roomcast.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * Posts each batch to the raw websocket server's {@code /publish} (no database in the way): the
 * same document fields the database-backed servers emit, as a JSON array of {@code {room, event,
 * body}}.
 */
final class HttpFeed implements Feed {
  private final HttpClient http = Machine.HTTP;
  private final URI publish;
  private final String pad;

  HttpFeed(int port, int padBytes) {
    publish = URI.create("http://127.0.0.1:" + port + "/publish");
    pad = "x".repeat(padBytes);
  }

  @Override
  public void publish(List<Change> batch) throws Exception {
    StringBuilder json = new StringBuilder("[");
    for (Change change : batch) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append("{\"room\":\"")
          .append(change.room())
          .append("\",\"event\":\"bench\",\"body\":{")
          .append("\"uuid\":\"")
          .append(change.room())
          .append("\",\"benchStep\":")
          .append(change.step())
          .append(",\"benchSeq\":")
          .append(change.seq())
          .append(",\"benchTs\":")
          .append(change.sentMicros())
          .append(",\"pad\":\"")
          .append(pad)
          .append("\"}}");
    }
    HttpResponse<Void> response =
        http.send(
            HttpRequest.newBuilder(publish)
                .POST(HttpRequest.BodyPublishers.ofString(json.append(']').toString()))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() != 204) {
      throw new IllegalStateException("publish answered " + response.statusCode());
    }
  }

  @Override
  public void close() {}
}
