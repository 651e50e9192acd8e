package io.roomcast.socket;

import io.roomcast.common.config.Settings;
import io.roomcast.common.config.Startup;
import io.roomcast.socket.config.SocketServerConfig;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The socket server process. Settings come from the environment and {@code --flags}; a bad one
 * exits with code 78. SIGTERM or Ctrl-C stops the streams and the server; a change stream that
 * cannot work at all (bad credentials, no replica set) exits with code 1.
 */
public final class SocketServerMain {
  /** Exit code when a change stream fails for good. */
  public static final int EXIT_STREAM_FAILED = 1;

  private static final String PROGRAM = "socket-server";
  private static final Logger LOG = LoggerFactory.getLogger(SocketServerMain.class);

  private SocketServerMain() {}

  public static void main(String[] args) throws InterruptedException {
    SocketServerConfig config =
        Startup.configOrExit(PROGRAM, () -> SocketServerConfig.from(Settings.fromProcess(args)));
    CountDownLatch streamFailed = new CountDownLatch(1);
    SocketServer server =
        Startup.startOrExit(
            PROGRAM,
            () -> SocketServer.start(config, (database, message) -> streamFailed.countDown()));
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "socket-server-shutdown"));
    // The main thread only waits: for a fatal stream error (then exits 1) or for the JVM to stop.
    streamFailed.await();
    LOG.error("stopping: a change stream cannot work with this configuration (see above)");
    System.exit(EXIT_STREAM_FAILED);
  }
}
