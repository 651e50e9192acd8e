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
 * Roomcast's socket server as a process ({@code java -jar roomcast-socket-server-app.jar}), rooms
 * open to anyone, with {@code -Xlog:gc,gc+phases} to a file (see {@link GcPauses}). Memory comes
 * from {@code jcmd GC.run} then the admin port's {@code /metrics} (heap used, the JVM's direct
 * buffer pool).
 */
final class RoomcastTarget extends Target {
  private final int adminPort;
  private final Path gcLog;
  private final String jcmd;

  private RoomcastTarget(
      String description,
      ServerProcess server,
      Feed feed,
      int port,
      int adminPort,
      Path gcLog,
      String jcmd,
      EmbeddedDatabase ownDatabase) {
    super("Roomcast", description, server, feed, port, ownDatabase);
    this.adminPort = adminPort;
    this.gcLog = gcLog;
    this.jcmd = jcmd;
  }

  /** A server on an embedded database of its own (closed with it). */
  static RoomcastTarget start(Options options) throws Exception {
    EmbeddedDatabase database = EmbeddedDatabase.start(options, "roomcast-db");
    return launch(
        options, "roomcast", options.serverJvm().options(), options.serverCpus(), database, true);
  }

  /** One of several servers watching a shared database (left running when this one closes). */
  static RoomcastTarget startOn(EmbeddedDatabase database, Options options, String name)
      throws Exception {
    return launch(
        options, name, options.get("watch-jvm"), options.get("watch-cpus"), database, false);
  }

  private static RoomcastTarget launch(
      Options options,
      String name,
      String jvm,
      String cpus,
      EmbeddedDatabase database,
      boolean owns)
      throws Exception {
    int port = ServerProcess.freePort();
    int adminPort = ServerProcess.freePort();
    Path gcLog = options.logDir().resolve(name + "-gc.log");
    String java = options.serverJvm().java();
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(Arrays.asList(jvm.trim().split("\\s+")));
    Path jar = options.root().resolve("socket-server/target/roomcast-socket-server-app.jar");
    command.addAll(List.of(GcPauses.JVM_LOG + gcLog, "-jar", jar.toString()));
    Map<String, String> env = new HashMap<>();
    env.put("MONGODB_URI", database.uri());
    env.put("SOCKET_HOST", "127.0.0.1");
    env.put("SOCKET_PORT", Integer.toString(port));
    env.put("ADMIN_HOST", "127.0.0.1");
    env.put("ADMIN_PORT", Integer.toString(adminPort));
    env.put("ROOM_AUTH", "open");
    env.put("ALLOWED_ORIGINS", "*");
    env.put("SHUTDOWN_DELAY", "0"); // stopping between scenarios need not wait for load balancers
    env.put("MAX_CLIENTS", Integer.toString(options.bigClients() + 1000));
    for (String setting : options.list("roomcast-env")) {
      String[] nameAndValue = setting.split("=", 2);
      env.put(nameAndValue[0].trim(), nameAndValue.length > 1 ? nameAndValue[1] : "");
    }
    ServerProcess server = ServerProcess.start(name, command, env, cpus, options.logDir());
    server.awaitPort(port, 60).awaitPort(adminPort, 60);
    String settings =
        options.get("roomcast-env").isBlank() ? "" : " " + options.get("roomcast-env");
    return new RoomcastTarget(
        java
            + " "
            + jvm
            + " -jar roomcast-socket-server-app.jar"
            + settings
            + "; "
            + options.serverJvm().version(),
        server,
        new MongoFeed(database.uri(), options.padBytes()),
        port,
        adminPort,
        gcLog,
        options.serverJvm().jcmd(),
        owns ? database : null);
  }

  @Override
  Path gcLog() {
    return gcLog;
  }

  @Override
  Pattern gcPause() {
    return GcPauses.JVM_PAUSE;
  }

  @Override
  Memory memory() throws Exception {
    Process fullGc =
        new ProcessBuilder(jcmd, Long.toString(server().pid()), "GC.run")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    fullGc.waitFor(60, TimeUnit.SECONDS);
    URI metricsUri = URI.create("http://127.0.0.1:" + adminPort + "/metrics");
    String metrics =
        Machine.HTTP
            .send(HttpRequest.newBuilder(metricsUri).build(), HttpResponse.BodyHandlers.ofString())
            .body();
    return new Memory(
        server().rssBytes(),
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
}
