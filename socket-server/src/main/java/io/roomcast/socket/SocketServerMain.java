package io.roomcast.socket;

import io.roomcast.common.config.Settings;
import io.roomcast.common.config.Startup;
import io.roomcast.socket.config.SocketServerConfig;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * The socket server process. Settings come from the environment and {@code --flags}; a bad one
 * exits with code 78. SIGTERM or Ctrl-C shuts down gracefully ({@link SocketServer#shutDown()}) and
 * exits 0; a change stream that cannot work at all (bad credentials, no replica set) exits with
 * code 1.
 */
public final class SocketServerMain {
  /** Exit code when a change stream fails for good. */
  public static final int EXIT_STREAM_FAILED = 1;

  /** Exit code after a graceful shutdown. */
  public static final int EXIT_STOPPED = 0;

  private static final String PROGRAM = "socket-server";
  private static final Logger LOG = LoggerFactory.getLogger(SocketServerMain.class);

  private SocketServerMain() {}

  public static void main(String[] args) throws InterruptedException, ExecutionException {
    SocketServerConfig config =
        Startup.configOrExit(PROGRAM, () -> SocketServerConfig.from(Settings.fromProcess(args)));
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    SocketServer server =
        Startup.startOrExit(
            PROGRAM,
            () ->
                SocketServer.start(
                    config, (database, message) -> exit.complete(EXIT_STREAM_FAILED)));
    // Any other way out (System.exit elsewhere, a signal not handled here) still stops cleanly.
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "socket-server-shutdown"));
    // Signal handlers run on a thread of their own and must return: they only say why to stop.
    Signal.handle(new Signal("TERM"), signal -> exit.complete(EXIT_STOPPED));
    Signal.handle(new Signal("INT"), signal -> exit.complete(EXIT_STOPPED));
    int code = exit.get();
    if (code == EXIT_STOPPED) {
      LOG.info(
          "SIGTERM/SIGINT received: graceful shutdown within {} s",
          config.shutdownGrace().toSeconds());
      server.shutDown();
    } else {
      LOG.error("stopping: a change stream cannot work with this configuration (see above)");
    }
    System.exit(code);
  }
}
