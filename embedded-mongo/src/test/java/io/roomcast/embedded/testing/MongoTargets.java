package io.roomcast.embedded.testing;

import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.EmbeddedMongoOptions;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The two databases end-to-end tests run against. The embedded one always works; the real one needs
 * a Docker engine and otherwise aborts the calling test (JUnit reports it as skipped, with {@link
 * #DOCKER_MISSING} as the reason).
 *
 * <pre>{@code
 * try (MongoTarget target = MongoTargets.realReplicaSet()) {   // or MongoTargets.embedded()
 *   MongoClient client = MongoClients.create(target.connectionString());
 * }
 * }</pre>
 */
public final class MongoTargets {
  /** Why tests against real MongoDB are skipped on machines without Docker. */
  public static final String DOCKER_MISSING =
      "Docker engine not available: skipping tests against a real MongoDB replica set (mongo:8)";

  /** The real MongoDB image the contract is checked against. */
  public static final String MONGO_IMAGE = "mongo:8";

  private MongoTargets() {}

  /** A fresh embedded database on a free port. */
  public static MongoTarget embedded() {
    return embedded(EmbeddedMongoOptions.defaults());
  }

  /** A fresh embedded database with these options. */
  public static MongoTarget embedded(EmbeddedMongoOptions options) {
    EmbeddedMongo mongo = EmbeddedMongo.start(options);
    return new EmbeddedTarget(mongo);
  }

  /** A real single-node replica set in Docker; aborts the test when there is no Docker engine. */
  public static MongoTarget realReplicaSet() {
    if (!dockerAvailable()) {
      LoggerFactory.getLogger(MongoTargets.class).warn(DOCKER_MISSING);
      Assumptions.abort(DOCKER_MISSING);
    }
    MongoDBContainer container = new MongoDBContainer(MONGO_IMAGE).withReplicaSet();
    container.start();
    return new MongoTarget() {
      @Override
      public String name() {
        return MONGO_IMAGE;
      }

      @Override
      public String connectionString() {
        return container.getReplicaSetUrl();
      }

      @Override
      public void close() {
        container.stop();
      }
    };
  }

  /** Whether a Docker engine answers here; asked once, Testcontainers caches the answer. */
  public static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The embedded database as a target; {@link #mongo()} gives its diagnostics. */
  public static final class EmbeddedTarget implements MongoTarget {
    private final EmbeddedMongo mongo;

    EmbeddedTarget(EmbeddedMongo mongo) {
      this.mongo = mongo;
    }

    public EmbeddedMongo mongo() {
      return mongo;
    }

    @Override
    public String name() {
      return "embedded";
    }

    @Override
    public String connectionString() {
      return mongo.connectionString();
    }

    @Override
    public boolean isEmbedded() {
      return true;
    }

    @Override
    public void close() {
      mongo.close();
    }
  }
}
