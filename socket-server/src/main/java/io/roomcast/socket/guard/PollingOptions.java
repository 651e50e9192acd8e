package io.roomcast.socket.guard;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The optional polling parameters netty-socketio parses without checking: {@code j} (JSONP index)
 * must be a small number and {@code b64} a boolean, or parsing them throws mid-request.
 */
final class PollingOptions {
  private static final Pattern JSONP_INDEX = Pattern.compile("[0-9]{1,9}");
  private static final Set<String> BOOLEANS = Set.of("0", "1", "true", "false");

  private PollingOptions() {}

  static boolean valid(String jsonpIndex, String base64) {
    return (jsonpIndex == null || JSONP_INDEX.matcher(jsonpIndex).matches())
        && (base64 == null || BOOLEANS.contains(base64));
  }
}
