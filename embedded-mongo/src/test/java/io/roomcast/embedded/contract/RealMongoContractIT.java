package io.roomcast.embedded.contract;

import io.roomcast.embedded.testing.MongoTarget;
import io.roomcast.embedded.testing.MongoTargets;
import io.roomcast.embedded.testing.RequiresDocker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * The change-stream contract against a real MongoDB 8 single-node replica set in Docker; skipped
 * with a clear message when no Docker engine is available.
 */
@RequiresDocker
class RealMongoContractIT {
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

  @Nested
  class Events extends EventContract {
    @Override
    protected MongoTarget target() {
      return target;
    }
  }

  @Nested
  class LifecycleEvents extends LifecycleEventContract {
    @Override
    protected MongoTarget target() {
      return target;
    }
  }

  @Nested
  class Scopes extends ScopeContract {
    @Override
    protected MongoTarget target() {
      return target;
    }
  }

  @Nested
  class Resume extends ResumeContract {
    @Override
    protected MongoTarget target() {
      return target;
    }
  }

  @Nested
  class Concurrency extends ConcurrencyContract {
    @Override
    protected MongoTarget target() {
      return target;
    }
  }
}
