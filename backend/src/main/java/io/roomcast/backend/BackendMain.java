package io.roomcast.backend;

import io.roomcast.common.config.ConfigException;
import io.roomcast.common.config.Settings;
import io.roomcast.common.config.Startup;
import java.util.concurrent.CountDownLatch;

/**
 * The backend as its own process: configured by environment variables and flags, stopped cleanly by
 * SIGTERM or Ctrl-C.
 */
public final class BackendMain {
  private static final String PROGRAM = "roomcast-backend";

  private BackendMain() {}

  public static void main(String[] args) throws InterruptedException {
    BackendConfig config =
        Startup.configOrExit(PROGRAM, () -> BackendConfig.from(Settings.fromProcess(args)));
    BackendServer server = Startup.configOrExit(PROGRAM, () -> startOrExplain(config));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "backend-shutdown"));
    stopped.await();
  }

  /** A database that cannot be reached or a port in use stops startup with one line, too. */
  private static BackendServer startOrExplain(BackendConfig config) {
    try {
      return BackendServer.start(config);
    } catch (RuntimeException e) {
      throw new ConfigException("could not start: " + rootMessage(e));
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
