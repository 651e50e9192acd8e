package io.roomcast.socket.testing;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * HTTP/1.1 requests on a fresh connection each, read until the server closes it, as netty-socketio
 * does after every polling response. A pooled client could pick a connection the server is just
 * closing and wait on it for a long poll's duration.
 */
public final class RawHttp {
  /** A response: status code, header block (lines after the status line) and body bytes. */
  public record Response(int status, String head, byte[] body) {
    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** Whether a header line starts with {@code name:} (case-insensitive). */
    public boolean hasHeader(String name) {
      return head.lines().anyMatch(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1));
    }
  }

  private RawHttp() {}

  public static Response send(String method, URI uri, String contentType, byte[] body)
      throws Exception {
    return send(
        method, uri, contentType == null ? Map.of() : Map.of("Content-Type", contentType), body);
  }

  /** Sends the request with the given extra header lines and reads the whole response. */
  public static Response send(String method, URI uri, Map<String, String> headers, byte[] body)
      throws Exception {
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout((int) JavaClient.TIMEOUT.toMillis() * 2);
      StringBuilder head =
          new StringBuilder(
                  method
                      + " "
                      + uri.getRawPath()
                      + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                      + " HTTP/1.1\r\n")
              .append("Host: ")
              .append(uri.getHost())
              .append(':')
              .append(uri.getPort())
              .append("\r\n")
              .append("Connection: close\r\n")
              .append("Content-Length: ")
              .append(body.length)
              .append("\r\n");
      headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      OutputStream out = socket.getOutputStream();
      out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      return parse(readAll(socket.getInputStream()));
    }
  }

  private static byte[] readAll(InputStream in) throws Exception {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    return all.toByteArray();
  }

  private static Response parse(byte[] raw) {
    int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    if (end < 0) {
      throw new IllegalStateException(
          "no complete HTTP response: " + new String(raw, StandardCharsets.ISO_8859_1));
    }
    String head = new String(raw, 0, end, StandardCharsets.ISO_8859_1);
    int status = Integer.parseInt(head.split(" ", 3)[1]);
    return new Response(status, head, Arrays.copyOfRange(raw, end + 4, raw.length));
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= data.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
