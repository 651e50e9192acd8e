package io.roomcast.embedded;

import io.roomcast.common.config.Settings;
import io.roomcast.common.config.Startup;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the embedded database as its own process, so that several processes on a laptop can share
 * it: {@code --embedded-mongo-port=27017} or {@code EMBEDDED_MONGO_PORT}. Stops cleanly on SIGTERM
 * or Ctrl-C.
 */
public final class EmbeddedMongoMain {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoMain.class);

  private EmbeddedMongoMain() {}

  public static void main(String[] args) {
    EmbeddedMongoConfig config =
        Startup.configOrExit(
            "embedded-mongo", () -> EmbeddedMongoConfig.from(Settings.fromProcess(args)));
    EmbeddedMongo mongo =
        Startup.startOrExit("embedded-mongo", () -> EmbeddedMongo.start(config.options()));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  mongo.close();
                  stopped.countDown();
                },
                "embedded-mongo-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      mongo.close();
    }
  }
}
