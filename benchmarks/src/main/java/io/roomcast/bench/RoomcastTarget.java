package io.roomcast.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Roomcast's socket server as a process ({@code java -jar roomcast-socket-server-app.jar}) on its
 * own embedded database, rooms open to anyone. Memory comes from {@code jcmd GC.run} then the admin
 * port's {@code /metrics} (heap used, the JVM's direct buffer pool).
 */
final class RoomcastTarget extends Target {
  private static final Pattern PAUSE =
      Pattern.compile("Pause.*? ([0-9.]+)ms\\s*$", Pattern.MULTILINE);

  private final EmbeddedDatabase database;
  private final boolean ownsDatabase;
  private final ServerProcess server;
  private final MongoFeed feed;
  private final int port;
  private final int adminPort;
  private final Path gcLog;
  private final String jvmOptions;
  private final String cpus;

  private RoomcastTarget(
      Options options,
      String name,
      String jvmOptions,
      EmbeddedDatabase database,
      boolean ownsDatabase)
      throws Exception {
    this.database = database;
    this.ownsDatabase = ownsDatabase;
    this.port = ServerProcess.freePort();
    this.adminPort = ServerProcess.freePort();
    this.gcLog = options.logDir().resolve(name + "-gc.log");
    this.jvmOptions = jvmOptions;
    this.cpus = options.serverCpus();
    List<String> command = new ArrayList<>(List.of("java"));
    command.addAll(Arrays.asList(jvmOptions.trim().split("\\s+")));
    command.addAll(
        List.of(
            "-Xlog:gc:file=" + gcLog,
            "-jar",
            options
                .root()
                .resolve("socket-server/target/roomcast-socket-server-app.jar")
                .toString()));
    Map<String, String> env = new HashMap<>();
    env.put("MONGODB_URI", database.uri());
    env.put("SOCKET_HOST", "127.0.0.1");
    env.put("SOCKET_PORT", Integer.toString(port));
    env.put("ADMIN_HOST", "127.0.0.1");
    env.put("ADMIN_PORT", Integer.toString(adminPort));
    env.put("ROOM_AUTH", "open");
    env.put("ALLOWED_ORIGINS", "*");
    env.put("MAX_CLIENTS", Integer.toString(options.bigClients() + 1000));
    this.server = ServerProcess.start(name, command, env, cpus, options.logDir());
    server.awaitPort(port, 60).awaitPort(adminPort, 60);
    this.feed = new MongoFeed(database.uri(), options.padBytes());
  }

  /** A server on an embedded database of its own (closed with it). */
  static RoomcastTarget start(Options options) throws Exception {
    EmbeddedDatabase database = EmbeddedDatabase.start(options, "roomcast-db");
    return new RoomcastTarget(options, "roomcast", options.roomcastJvm(), database, true);
  }

  /** One of several servers watching a shared database (left running when this one closes). */
  static RoomcastTarget startOn(EmbeddedDatabase database, Options options, String name)
      throws Exception {
    return new RoomcastTarget(options, name, options.get("watch-jvm"), database, false);
  }

  @Override
  String name() {
    return "Roomcast";
  }

  @Override
  String describe() {
    return "Roomcast: java "
        + jvmOptions
        + " -jar roomcast-socket-server-app.jar (cpus "
        + cpus
        + ")";
  }

  @Override
  int port() {
    return port;
  }

  @Override
  Feed feed() {
    return feed;
  }

  @Override
  ServerProcess server() {
    return server;
  }

  @Override
  Path gcLog() {
    return gcLog;
  }

  @Override
  Pattern gcPause() {
    return PAUSE;
  }

  @Override
  Memory memory() throws Exception {
    Process jcmd =
        new ProcessBuilder("jcmd", Long.toString(server.pid()), "GC.run")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    jcmd.waitFor(60, TimeUnit.SECONDS);
    String metrics =
        Machine.HTTP
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/metrics"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return new Memory(
        server.rssBytes(),
        sum(metrics, "jvm_memory_used_bytes{area=\"heap\""),
        sum(metrics, "jvm_buffer_memory_used_bytes{id=\"direct\""));
  }

  /** Sums the Prometheus samples whose line starts with {@code prefix}. */
  private static long sum(String metrics, String prefix) {
    double total = 0;
    for (String line : metrics.split("\n")) {
      if (line.startsWith(prefix)) {
        total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return (long) total;
  }

  @Override
  public void close() throws Exception {
    feed.close();
    server.close();
    if (ownsDatabase) {
      database.close();
    }
  }
}
