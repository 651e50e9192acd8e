package io.roomcast.socket.testing;

import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.socket.SocketServer;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An embedded database, a socket server watching it and a writer: the usual test fixture, as a
 * JUnit extension for a whole test class ({@code @RegisterExtension static final}).
 */
public final class ServerWithDatabase implements BeforeAllCallback, AfterAllCallback {
  private final Map<String, String> settings;
  private EmbeddedMongo mongo;
  private SocketServer server;
  private MongoWriter writer;

  private ServerWithDatabase(Map<String, String> settings) {
    this.settings = settings;
  }

  /** Started before the class's tests, stopped after them; extra settings on the test defaults. */
  public static ServerWithDatabase perClass(Map<String, String> settings) {
    return new ServerWithDatabase(settings);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    mongo = EmbeddedMongo.start();
    server = SocketServers.start(mongo.connectionString(), settings);
    writer = new MongoWriter(mongo.connectionString());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    writer.close();
    server.close();
    mongo.close();
  }

  public SocketServer server() {
    return server;
  }

  public int port() {
    return server.port();
  }

  public MongoWriter writer() {
    return writer;
  }
}
