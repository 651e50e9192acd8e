package io.roomcast.backend.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
 * Requests written byte for byte on a plain socket, for what java.net.http refuses to send (a bad
 * request line, oversized headers) or cannot leave half sent; and the reading of one HTTP/1.1
 * response from such a socket.
 */
public final class RawHttp {
  private RawHttp() {}

  /** A fresh connection to the backend of {@code baseUrl} (e.g. {@code http://127.0.0.1:1234}). */
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
    return new Http.Reply(status, headers, new String(body, StandardCharsets.UTF_8));
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
