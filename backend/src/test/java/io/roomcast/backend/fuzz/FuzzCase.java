package io.roomcast.backend.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * One request of the body fuzzer: method, path, content type (null for none), body (null for none),
 * and the kind of case it came from, for the counts and for reproducing a failure.
 */
record FuzzCase(String kind, String method, String path, String contentType, byte[] body) {
  /** A short printable form: enough to recognise the case in a failure message. */
  String describe() {
    String text = body == null ? "-" : new String(body, StandardCharsets.UTF_8);
    String shown = text.length() > 200 ? text.substring(0, 200) + "..." : text;
    return kind + " " + method + " " + path + " [" + contentType + "] " + shown;
  }
}
