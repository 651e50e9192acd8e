package io.roomcast.backend.storage;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.roomcast.common.metrics.MongoDriverMetrics;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.BsonDocument;
import org.bson.BsonInt32;

/**
 * The backend's connection to MongoDB and the collections it may write, prepared at startup. Only
 * namespaces given here can ever be reached: that is what makes API_COLLECTIONS an allow-list.
 */
public final class Store implements AutoCloseable {
  /** A request fails with 503 after this long without a reachable server, not the default 30 s. */
  static final long SERVER_SELECTION_TIMEOUT_MS = 5_000;

  /** A readiness probe's ping gives up after this, below the probes' own timeouts. */
  static final long PING_TIMEOUT_MS = 2_000;

  private final MongoClient client;
  private final Map<Namespace, UuidDocuments> collections;

  private Store(MongoClient client, Map<Namespace, UuidDocuments> collections) {
    this.client = client;
    this.collections = collections;
  }

  /** Connects and prepares every namespace (see {@link CollectionSetup}). */
  public static Store open(
      ConnectionString mongoUri,
      String uuidField,
      Collection<Namespace> namespaces,
      MeterRegistry driverMetrics) {
    MongoClientSettings.Builder settings =
        MongoClientSettings.builder()
            .applyConnectionString(mongoUri)
            .applyToClusterSettings(
                cluster ->
                    cluster.serverSelectionTimeout(
                        SERVER_SELECTION_TIMEOUT_MS, TimeUnit.MILLISECONDS));
    MongoClient client =
        MongoClients.create(MongoDriverMetrics.instrument(settings, driverMetrics).build());
    try {
      Set<Namespace> unique = new LinkedHashSet<>(namespaces);
      new CollectionSetup(client, uuidField).prepare(unique);
      Map<Namespace, UuidDocuments> collections =
          unique.stream()
              .collect(
                  Collectors.toUnmodifiableMap(
                      Function.identity(), namespace -> documents(client, namespace, uuidField)));
      return new Store(client, collections);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  private static UuidDocuments documents(MongoClient client, Namespace namespace, String field) {
    return new UuidDocuments(
        client
            .getDatabase(namespace.database())
            .getCollection(namespace.collection(), BsonDocument.class),
        field);
  }

  /** The collection if it is one the backend may write. */
  public Optional<UuidDocuments> collection(Namespace namespace) {
    return Optional.ofNullable(collections.get(namespace));
  }

  /**
   * Asks the database for a ping within {@link #PING_TIMEOUT_MS}: empty when it answered, else why
   * not, in one line without connection details.
   */
  public Optional<String> ping() {
    try {
      client
          .getDatabase("admin")
          .withTimeout(PING_TIMEOUT_MS, TimeUnit.MILLISECONDS)
          .runCommand(new BsonDocument("ping", new BsonInt32(1)));
      return Optional.empty();
    } catch (MongoException e) {
      return Optional.of("no answer to ping (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Idempotent: the driver's close may be called more than once. */
  @Override
  public void close() {
    client.close();
  }
}
