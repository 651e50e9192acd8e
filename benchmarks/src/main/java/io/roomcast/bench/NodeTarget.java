package io.roomcast.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference server in Node (benchmarks/node): the socket.io v4 server on its own embedded
 * database, or the raw ws broadcast fed over HTTP. Started with {@code --expose-gc --trace-gc}:
 * {@code /stats} collects before reporting memory, and the log gives each GC's pause.
 */
final class NodeTarget extends Target {
  private static final Pattern PAUSE =
      Pattern.compile("MB, (?:pooled: [0-9.]+ MB, )?([0-9.]+) / [0-9.]+ ms");
  private static final Pattern NUMBER = Pattern.compile("\"(\\w+)\":(\\d+)");

  private NodeTarget(
      String name,
      String description,
      ServerProcess server,
      Feed feed,
      int port,
      EmbeddedDatabase database) {
    super(name, description, server, feed, port, database);
  }

  /** The socket.io v4 reference: db.watch() on its own embedded database. */
  static NodeTarget socketIo(Options options) throws Exception {
    EmbeddedDatabase database = EmbeddedDatabase.start(options, "socketio-db");
    return launch(options, "socket.io", "socketio-server.js", database);
  }

  /** The ceiling: raw ws broadcast of a pre-encoded payload, no database. */
  static NodeTarget rawWs(Options options) throws Exception {
    return launch(options, "raw ws", "ws-server.js", null);
  }

  private static NodeTarget launch(
      Options options, String name, String script, EmbeddedDatabase database) throws Exception {
    int port = ServerProcess.freePort();
    Path path = options.root().resolve("benchmarks/node").resolve(script);
    List<String> argv = List.of("node", "--expose-gc", "--trace-gc", path.toString());
    Map<String, String> env = new HashMap<>();
    env.put("PORT", Integer.toString(port));
    if (database != null) {
      env.put("MONGODB_URI", database.uri());
    }
    ServerProcess server =
        ServerProcess.start(
            script.replace(".js", ""), argv, env, options.serverCpus(), options.logDir());
    server.awaitPort(port, 60);
    Feed feed =
        database != null
            ? new MongoFeed(database.uri(), options.padBytes())
            : new HttpFeed(port, options.padBytes());
    return new NodeTarget(
        name, "node --expose-gc --trace-gc " + script, server, feed, port, database);
  }

  @Override
  Path gcLog() {
    return server().log();
  }

  @Override
  Pattern gcPause() {
    return PAUSE;
  }

  @Override
  Memory memory() throws Exception {
    URI stats = URI.create("http://127.0.0.1:" + port() + "/stats");
    String body =
        Machine.HTTP
            .send(HttpRequest.newBuilder(stats).build(), HttpResponse.BodyHandlers.ofString())
            .body();
    Map<String, Long> figures = new HashMap<>();
    Matcher matcher = NUMBER.matcher(body);
    while (matcher.find()) {
      figures.put(matcher.group(1), Long.parseLong(matcher.group(2)));
    }
    return new Memory(server().rssBytes(), figures.get("heapUsed"), figures.get("external"));
  }
}
