package io.roomcast.socket.testing;

import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.socket.SocketServer;
import java.util.Map;

/** An embedded database, a socket server watching it and a writer: the usual test fixture. */
public final class ServerWithDatabase implements AutoCloseable {
  private final EmbeddedMongo mongo;
  private final SocketServer server;
  private final MongoWriter writer;

  private ServerWithDatabase(Map<String, String> settings) {
    mongo = EmbeddedMongo.start();
    server = SocketServers.start(mongo.connectionString(), settings);
    writer = new MongoWriter(mongo.connectionString());
  }

  /** Starts all three, the server with extra settings on top of the test defaults. */
  public static ServerWithDatabase start(Map<String, String> settings) {
    return new ServerWithDatabase(settings);
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

  @Override
  public void close() {
    writer.close();
    server.close();
    mongo.close();
  }
}
