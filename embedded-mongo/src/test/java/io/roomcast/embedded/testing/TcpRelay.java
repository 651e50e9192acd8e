package io.roomcast.embedded.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on loopback in front of a server (a database, a socket server), so that a test can
 * take it away from a client (every connection cut, new ones closed at once) while it keeps running
 * and its history stays, then give it back, or send the client to another server.
 */
public final class TcpRelay implements AutoCloseable {
  private final ServerSocket listener;
  private volatile int targetPort;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger rejected = new AtomicInteger();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "tcp-relay");
            thread.setDaemon(true);
            return thread;
          });
  private volatile boolean down;

  private TcpRelay(ServerSocket listener, int targetPort) {
    this.listener = listener;
    this.targetPort = targetPort;
  }

  /** A relay on a free loopback port to the given loopback port. */
  public static TcpRelay start(int targetPort) throws IOException {
    TcpRelay relay =
        new TcpRelay(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort);
    relay.threads.execute(relay::accept);
    return relay;
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** Cuts every connection; new ones are closed at once (and counted) until {@link #restore()}. */
  public void cut() {
    down = true;
    open.forEach(TcpRelay::closeQuietly);
    open.clear();
  }

  /** New connections go to {@code port} from now on (another node, a restarted process). */
  public void retarget(int port) {
    targetPort = port;
  }

  public void restore() {
    down = false;
  }

  /** Connections closed at once while the relay was cut: proof that the client tried. */
  public int rejected() {
    return rejected.get();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        if (down) {
          rejected.incrementAndGet();
          closeQuietly(client);
          continue;
        }
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.add(client);
        open.add(server);
        threads.execute(() -> pump(client, server));
        threads.execute(() -> pump(server, client));
      } catch (IOException e) {
        // the listener closed (end of test) or one connection failed: go on while listening
      }
    }
  }

  private void pump(Socket from, Socket to) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      // cut: closing both ends below ends the other direction too
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    cut();
    listener.close();
    threads.shutdownNow();
  }
}
