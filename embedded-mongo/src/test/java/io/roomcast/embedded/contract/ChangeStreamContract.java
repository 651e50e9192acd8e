package io.roomcast.embedded.contract;

import io.roomcast.embedded.testing.MongoTarget;
import org.junit.jupiter.api.Nested;

/**
 * The whole change-stream contract, written once: each part is a nested class that runs against
 * whichever database the concrete suite supplies ({@link EmbeddedContractIT}, {@link
 * RealMongoContractIT}).
 */
abstract class ChangeStreamContract {
  /** The database under test, started once per concrete suite. */
  protected abstract MongoTarget target();

  @Nested
  class Events extends EventContract {
    @Override
    protected MongoTarget target() {
      return ChangeStreamContract.this.target();
    }
  }

  @Nested
  class LifecycleEvents extends LifecycleEventContract {
    @Override
    protected MongoTarget target() {
      return ChangeStreamContract.this.target();
    }
  }

  @Nested
  class Scopes extends ScopeContract {
    @Override
    protected MongoTarget target() {
      return ChangeStreamContract.this.target();
    }
  }

  @Nested
  class Resume extends ResumeContract {
    @Override
    protected MongoTarget target() {
      return ChangeStreamContract.this.target();
    }
  }

  @Nested
  class Concurrency extends ConcurrencyContract {
    @Override
    protected MongoTarget target() {
      return ChangeStreamContract.this.target();
    }
  }

  @Nested
  class Snapshots extends SnapshotContract {
    @Override
    protected MongoTarget target() {
      return ChangeStreamContract.this.target();
    }
  }
}
