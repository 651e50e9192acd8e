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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;

/**
 * The backend on a free loopback port over a fresh embedded database, for one test class, with an
 * HTTP client for it and a direct MongoDB connection to check what was (not) written.
 */
public final class TestBackend implements AutoCloseable {
  private final EmbeddedMongo mongo;
  private final BackendServer server;
  private final MongoClient client;
  private final Http http;

  private TestBackend(EmbeddedMongo mongo, BackendServer server) {
    this.mongo = mongo;
    this.server = server;
    this.client = MongoClients.create(mongo.connectionString());
    this.http = new Http("http://127.0.0.1:" + server.port());
  }

  /** Defaults, except the loopback port 0 and this database. */
  public static TestBackend start() {
    return start(Map.of());
  }

  /** With extra settings, as environment variables, on top of the test defaults. */
  public static TestBackend start(Map<String, String> extraEnv) {
    EmbeddedMongo mongo = EmbeddedMongo.start();
    try {
      Map<String, String> env = new HashMap<>();
      env.put("MONGODB_URI", mongo.connectionString());
      env.put("BACKEND_HOST", "127.0.0.1");
      env.put("BACKEND_PORT", "0");
      env.putAll(extraEnv);
      return new TestBackend(mongo, BackendServer.start(BackendConfig.from(Settings.from(env))));
    } catch (RuntimeException e) {
      mongo.close();
      throw e;
    }
  }

  public Http http() {
    return http;
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
