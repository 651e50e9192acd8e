package io.roomcast.embedded.contract;

import io.roomcast.embedded.testing.MongoTarget;
import io.roomcast.embedded.testing.MongoTargets;
import io.roomcast.embedded.testing.RequiresDocker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The change-stream contract against a real MongoDB 8 single-node replica set in Docker; skipped
 * with a clear message when no Docker engine is available.
 */
@RequiresDocker
class RealMongoContractIT extends ChangeStreamContract {
  private static MongoTarget target;

  @BeforeAll
  static void start() {
    target = MongoTargets.realReplicaSet();
  }

  @AfterAll
  static void stop() {
    if (target != null) {
      target.close();
    }
  }

  @Override
  protected MongoTarget target() {
    return target;
  }
}
