package io.roomcast.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The embedded development database as its own process (its app jar), pinned with the clients. */
final class EmbeddedDatabase implements AutoCloseable {
  private final ServerProcess process;
  private final int port;

  private EmbeddedDatabase(ServerProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  static EmbeddedDatabase start(Options options, String name) throws Exception {
    int port = ServerProcess.freePort();
    Path jar = options.root().resolve("embedded-mongo/target/roomcast-embedded-mongo-app.jar");
    ServerProcess process =
        ServerProcess.start(
            name,
            List.of("java", "-XX:+UseG1GC", "-Xmx2g", "-jar", jar.toString()),
            Map.of(
                "EMBEDDED_MONGO_HOST", "127.0.0.1", "EMBEDDED_MONGO_PORT", Integer.toString(port)),
            options.clientCpus(),
            options.logDir());
    return new EmbeddedDatabase(process.awaitPort(port, 60), port);
  }

  String uri() {
    return "mongodb://127.0.0.1:" + port;
  }

  ServerProcess process() {
    return process;
  }

  @Override
  public void close() throws InterruptedException {
    process.close();
  }
}
