package io.roomcast.embedded.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Requests written byte for byte on a fresh plain socket, for what java.net.http refuses to send (a
 * bad request line, oversized headers), cannot leave half sent, or must not pool: netty-socketio
 * closes the connection after every polling response, and a pooled client could pick a connection
 * the server is just closing and wait on it for a long poll's duration.
 */
public final class RawHttp {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(40);

  private RawHttp() {}

  /** A fresh connection to the server of {@code baseUrl} (e.g. {@code http://127.0.0.1:1234}). */
  public static Socket connect(String baseUrl, Duration readTimeout) {
    URI uri = URI.create(baseUrl);
    try {
      Socket socket = new Socket(uri.getHost(), uri.getPort());
      socket.setSoTimeout((int) readTimeout.toMillis());
      return socket;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends {@code request} as it is on a fresh connection and reads the one response. */
  public static Http.Reply exchange(String baseUrl, String request) {
    try (Socket socket = connect(baseUrl, Duration.ofSeconds(10))) {
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return readReply(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Http.Reply send(String method, URI uri, String contentType, byte[] body)
      throws IOException {
    return send(
        method, uri, contentType == null ? Map.of() : Map.of("Content-Type", contentType), body);
  }

  /**
   * Sends the request with {@code Connection: close} and the given extra header lines, and reads
   * the whole response until the server closes. Throws IllegalStateException when the server closes
   * without answering.
   */
  public static Http.Reply send(String method, URI uri, Map<String, String> headers, byte[] body)
      throws IOException {
    try (Socket socket = connect("http://" + uri.getRawAuthority(), READ_TIMEOUT)) {
      StringBuilder head =
          new StringBuilder(
                  method
                      + " "
                      + uri.getRawPath()
                      + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                      + " HTTP/1.1\r\n")
              .append("Host: ")
              .append(uri.getRawAuthority())
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
      byte[] all = socket.getInputStream().readAllBytes();
      try {
        return readReply(new ByteArrayInputStream(all));
      } catch (IOException | RuntimeException incomplete) {
        throw new IllegalStateException(
            "no complete HTTP response: " + new String(all, StandardCharsets.ISO_8859_1));
      }
    }
  }

  /**
   * Only the head of a POST announcing a JSON body of {@code contentLength} bytes with {@code
   * Expect: 100-continue}: returns the status line the server answers before any of the body is
   * sent. (java.net.http's own expect-continue support does not return then.)
   */
  public static String statusLineForAnnouncedBody(String baseUrl, String path, long contentLength) {
    try (Socket socket = connect(baseUrl, Duration.ofSeconds(10))) {
      String head =
          "POST "
              + path
              + " HTTP/1.1\r\nHost: "
              + URI.create(baseUrl).getRawAuthority()
              + "\r\nContent-Type: application/json\r\nContent-Length: "
              + contentLength
              + "\r\nExpect: 100-continue\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return line(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One response: status line, headers, and a body of Content-Length bytes (or up to EOF). */
  public static Http.Reply readReply(InputStream in) throws IOException {
    String statusLine = line(in);
    if (statusLine == null) {
      throw new IOException("connection closed without a response");
    }
    Map<String, List<String>> headers = new HashMap<>();
    for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      headers
          .computeIfAbsent(header.substring(0, colon).trim(), k -> new ArrayList<>())
          .add(header.substring(colon + 1).trim());
    }
    String length = first(headers, "Content-Length");
    byte[] body = length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length));
    int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
    return new Http.Reply(status, headers, body);
  }

  private static String first(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (header.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return header.getValue().get(0);
      }
    }
    return null;
  }

  /** One CRLF-terminated line, or null at EOF before any byte. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      line.write(c);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }
}
