package io.roomcast.embedded.contract;

import io.roomcast.embedded.testing.MongoTarget;
import io.roomcast.embedded.testing.MongoTargets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** The change-stream contract against the embedded database (always runs). */
class EmbeddedContractIT {
  private static MongoTarget target;

  @BeforeAll
  static void start() {
    target = MongoTargets.embedded();
  }

  @AfterAll
  static void stop() {
    target.close();
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
