package io.roomcast.embedded.contract;

import io.roomcast.embedded.testing.MongoTarget;
import io.roomcast.embedded.testing.MongoTargets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The change-stream contract against the embedded database (always runs). */
class EmbeddedContractIT extends ChangeStreamContract {
  private static MongoTarget target;

  @BeforeAll
  static void start() {
    target = MongoTargets.embedded();
  }

  @AfterAll
  static void stop() {
    target.close();
  }

  @Override
  protected MongoTarget target() {
    return target;
  }
}
