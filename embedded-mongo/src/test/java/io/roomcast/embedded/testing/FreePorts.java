package io.roomcast.embedded.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * Ports for child processes that must be told theirs before they start. In-process servers bind
 * port 0 and report theirs instead; prefer that where possible.
 */
public final class FreePorts {
  private FreePorts() {}

  /** A port that was free a moment ago; good enough on a test machine's loopback. */
  public static int next() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
