package io.roomcast.embedded.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Loopback ports of child processes: a free one to tell a child before it starts (in-process
 * servers bind port 0 and report theirs instead; prefer that where possible), and whether a child
 * accepts connections on its port yet.
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

  /** Whether something accepts TCP connections on this loopback port now. */
  public static boolean accepting(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
