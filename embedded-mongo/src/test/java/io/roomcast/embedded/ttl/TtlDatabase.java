package io.roomcast.embedded.ttl;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.EmbeddedMongoOptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An embedded database whose TTL monitor runs every {@link TtlTesting#INTERVAL}, and a client, for
 * a whole test class ({@code @RegisterExtension static final}).
 */
final class TtlDatabase implements BeforeAllCallback, AfterAllCallback {
  private EmbeddedMongo mongo;
  private MongoClient client;

  @Override
  public void beforeAll(ExtensionContext context) {
    mongo =
        EmbeddedMongo.start(
            EmbeddedMongoOptions.defaults().withTtlMonitorInterval(TtlTesting.INTERVAL));
    client = MongoClients.create(mongo.connectionString());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    client.close();
    mongo.close();
  }

  MongoClient client() {
    return client;
  }
}
