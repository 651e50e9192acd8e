package io.roomcast.launcher;

import io.roomcast.common.config.Startup;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mvn -Pdev -DskipTests -pl launcher -am verify}: runs Roomcast on the embedded database
 * until Ctrl-C. Configuration comes from the same environment variables the components read.
 */
public final class DevMain {
  private static final String PROGRAM = "roomcast-dev";
  private static final Logger LOG = LoggerFactory.getLogger(DevMain.class);

  private DevMain() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length > 0) {
      System.err.println(
          PROGRAM + ": takes no arguments; configure it with environment variables (see README)");
      System.exit(Startup.EXIT_CONFIG);
    }
    // Every setting is validated before anything starts (exit 78); then a failed start exits 1.
    DevStack stack =
        Startup.startOrExit(
            PROGRAM, () -> Startup.configOrExit(PROGRAM, () -> DevStack.start(System.getenv())));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("Stopping Roomcast");
                  stack.close();
                  stopped.countDown();
                },
                "roomcast-shutdown"));
    LOG.info(
        "Roomcast is running on the embedded database ({}). Open http://localhost:{}/ "
            + "(socket server on port {}). Ctrl-C stops everything.",
        stack.mongo().connectionString(),
        stack.backendPort(),
        stack.socketPort());
    LOG.info(
        "Metrics: http://localhost:{}/metrics (socket server), http://localhost:{}/metrics "
            + "(backend). Health: http://localhost:{}/health/ready, "
            + "http://localhost:{}/health/ready (live: /health/live).",
        stack.socketAdminPort(),
        stack.backendPort(),
        stack.socketAdminPort(),
        stack.backendPort());
    stopped.await();
  }
}
