package io.roomcast.launcher;

import io.roomcast.common.config.ConfigException;
import io.roomcast.common.config.Startup;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mvn -Pdev -DskipTests -pl launcher -am verify}: runs Roomcast on the embedded database
 * until Ctrl-C. Configuration comes from the same environment variables the components read.
 */
public final class DevMain {
  private static final Logger LOG = LoggerFactory.getLogger(DevMain.class);

  private DevMain() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length > 0) {
      System.err.println(
          "roomcast-dev: takes no arguments; configure it with environment variables (see README)");
      System.exit(Startup.EXIT_CONFIG);
    }
    DevStack stack = Startup.configOrExit("roomcast-dev", DevMain::startOrExplain);
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
    stopped.await();
  }

  private static DevStack startOrExplain() {
    try {
      return DevStack.start(System.getenv());
    } catch (ConfigException e) {
      throw e;
    } catch (RuntimeException e) {
      // Typically a port already in use: say what failed in one line, not a stack trace.
      System.err.println("roomcast-dev: could not start: " + rootMessage(e));
      System.exit(1);
      throw e; // unreachable: System.exit does not return
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
