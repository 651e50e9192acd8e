package io.roomcast.backend;

import io.roomcast.common.config.Settings;
import io.roomcast.common.config.Startup;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The backend as its own process: configured by environment variables and flags, stopped cleanly by
 * SIGTERM or Ctrl-C.
 */
public final class BackendMain {
  private static final String PROGRAM = "roomcast-backend";
  private static final long STARTUP_WAIT_SECONDS = 60;

  private BackendMain() {}

  public static void main(String[] args) {
    BackendConfig config =
        Startup.configOrExit(PROGRAM, () -> BackendConfig.from(Settings.fromProcess(args)));
    AtomicReference<BackendServer> running = new AtomicReference<>();
    CountDownLatch startupOver = new CountDownLatch(1);
    // Registered before starting: a SIGTERM during startup waits for it, then closes the server.
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> stop(running, startupOver), "backend-shutdown"));
    Startup.startOrExit(
        PROGRAM,
        () -> {
          try {
            running.set(BackendServer.start(config));
            return running.get();
          } finally {
            startupOver.countDown();
          }
        });
  }

  private static void stop(AtomicReference<BackendServer> running, CountDownLatch startupOver) {
    try {
      startupOver.await(STARTUP_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    BackendServer server = running.get();
    if (server != null) {
      server.close();
    }
  }
}
