package io.roomcast.backend.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.roomcast.backend.BackendConfig;
import io.roomcast.backend.BackendServer;
import io.roomcast.common.config.Settings;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.history.HistoryStats;
import io.roomcast.embedded.testing.Http;
import io.roomcast.embedded.testing.Scrape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The backend on a free loopback port over a fresh embedded database, with an HTTP client for it
 * and a direct MongoDB connection to check what was (not) written. Either started at once ({@link
 * #start}, closed by the test) or, for a whole test class, a JUnit extension ({@link #perClass},
 * {@code @RegisterExtension static final}) started before the class's {@code @BeforeAll} methods.
 */
public final class TestBackend implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
  private final Map<String, String> extraEnv;
  private EmbeddedMongo mongo;
  private BackendServer server;
  private MongoClient client;
  private Http http;

  private TestBackend(Map<String, String> extraEnv) {
    this.extraEnv = extraEnv;
  }

  /** Defaults, except the loopback port 0 and this database. */
  public static TestBackend start() {
    return start(Map.of());
  }

  /** With extra settings, as environment variables, on top of the test defaults. */
  public static TestBackend start(Map<String, String> extraEnv) {
    TestBackend backend = new TestBackend(extraEnv);
    backend.startNow();
    return backend;
  }

  /** Started before the class's tests, stopped after them; defaults as {@link #start()}. */
  public static TestBackend perClass() {
    return perClass(Map.of());
  }

  /**
   * Started before the class's tests, stopped after them; extra settings as {@link #start(Map)}.
   */
  public static TestBackend perClass(Map<String, String> extraEnv) {
    return new TestBackend(extraEnv);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    startNow();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  private void startNow() {
    mongo = EmbeddedMongo.start();
    try {
      Map<String, String> env = new HashMap<>();
      env.put("MONGODB_URI", mongo.connectionString());
      env.put("BACKEND_HOST", "127.0.0.1");
      env.put("BACKEND_PORT", "0");
      env.putAll(extraEnv);
      server = BackendServer.start(BackendConfig.from(Settings.from(env)));
    } catch (RuntimeException e) {
      mongo.close();
      throw e;
    }
    client = MongoClients.create(mongo.connectionString());
    http = new Http("http://127.0.0.1:" + server.port());
  }

  public Http http() {
    return http;
  }

  /** Open connections, as the backend's own gauge on /metrics reports them. */
  public int openConnections() {
    return Scrape.of(http().baseUrl() + "/metrics")
        .value("roomcast_backend_connections", Map.of())
        .orElseThrow()
        .intValue();
  }

  public BackendServer server() {
    return server;
  }

  public MongoClient mongoClient() {
    return client;
  }

  public String mongoUri() {
    return mongo.connectionString();
  }

  /** The embedded database's change history, whose growth explains the heap it takes. */
  public HistoryStats databaseHistory() {
    return mongo.historyStats();
  }

  /** Stops the database under the running backend (close() may still be called). */
  public void stopDatabase() {
    mongo.close();
  }

  public MongoCollection<BsonDocument> collection(String database, String collection) {
    return client.getDatabase(database).getCollection(collection, BsonDocument.class);
  }

  /** Every document of a collection, in natural order: compare before and after a refusal. */
  public List<BsonDocument> contents(String database, String collection) {
    return collection(database, collection).find().into(new ArrayList<>());
  }

  @Override
  public void close() {
    client.close();
    server.close();
    mongo.close();
  }
}
