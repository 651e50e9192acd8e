package io.roomcast.e2e.proxy;

import io.roomcast.e2e.deploy.RepoRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The nginx front of the compose demo (docker/nginx/), made runnable on this machine. The server
 * config is used as it is apart from the listen address and the page's directory; the upstream file
 * keeps its routing and balancing directives and only its {@code server host:port} addresses are
 * pointed at loopback ports (each service may appear in several upstreams). A main nginx.conf
 * around them keeps pid, logs and temp files in one directory.
 */
public final class FrontConfig {
  static final String SERVER_CONF = "docker/nginx/roomcast.conf";
  static final String UPSTREAMS_CONF = "docker/nginx/upstreams.conf";
  private static final Pattern UPSTREAM_SERVER =
      Pattern.compile("server\\s+([\\w.-]+):(\\d+)([^;]*);");

  /** Loopback ports of the compose services the upstreams name, by service name. */
  public record Upstreams(Map<String, Integer> portsByService) {
    public static Upstreams of(int backendPort, int socketPort1, int socketPort2) {
      return new Upstreams(
          Map.of(
              "backend",
              backendPort,
              "socket-server-1",
              socketPort1,
              "socket-server-2",
              socketPort2));
    }
  }

  private FrontConfig() {}

  /**
   * Writes nginx.conf, upstreams.conf and roomcast.conf into {@code dir} and returns the main file.
   * With {@code sticky} false every Socket.IO request goes to the least busy node, its sid ignored,
   * to show what the routing by sid prevents.
   */
  public static Path write(
      Path dir, int listenPort, Path pageDir, Upstreams upstreams, boolean sticky) {
    String server = read(SERVER_CONF);
    server = replaceOnce(server, "listen 8080;", "listen 127.0.0.1:" + listenPort + ";");
    server = replaceOnce(server, "root /usr/share/nginx/html;", "root " + pageDir + ";");
    if (!sticky) {
      server =
          replaceOnce(
              server,
              "proxy_pass http://$roomcast_socket_upstream;",
              "proxy_pass http://roomcast_sockets;");
    }
    String upstreamConf = pointAtLoopback(read(UPSTREAMS_CONF), upstreams);
    try {
      Files.createDirectories(dir.resolve("temp"));
      Files.writeString(dir.resolve("roomcast.conf"), server);
      Files.writeString(dir.resolve("upstreams.conf"), upstreamConf);
      Path main = dir.resolve("nginx.conf");
      Files.writeString(main, mainConf(dir));
      return main;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String mainConf(Path dir) {
    String temp = dir.resolve("temp").toString();
    return String.join(
        "\n",
        "worker_processes 1;",
        "pid " + dir.resolve("nginx.pid") + ";",
        "error_log " + dir.resolve("error.log") + " notice;",
        "events { worker_connections 1024; }",
        "http {",
        "  types { text/html html; text/css css; application/javascript js mjs;",
        "          application/json json; image/svg+xml svg; image/x-icon ico; }",
        "  default_type application/octet-stream;",
        "  client_body_temp_path " + temp + "/body;",
        "  proxy_temp_path " + temp + "/proxy;",
        "  fastcgi_temp_path " + temp + "/fastcgi;",
        "  uwsgi_temp_path " + temp + "/uwsgi;",
        "  scgi_temp_path " + temp + "/scgi;",
        "  include " + dir.resolve("upstreams.conf") + ";",
        "  include " + dir.resolve("roomcast.conf") + ";",
        "}",
        "");
  }

  private static String pointAtLoopback(String conf, Upstreams upstreams) {
    Matcher matcher = UPSTREAM_SERVER.matcher(conf);
    StringBuilder out = new StringBuilder();
    Set<String> replaced = new HashSet<>();
    while (matcher.find()) {
      Integer port = upstreams.portsByService().get(matcher.group(1));
      if (port == null) {
        throw new AssertionError(
            UPSTREAMS_CONF
                + " names "
                + matcher.group(1)
                + ", unknown to the test: update FrontConfig");
      }
      matcher.appendReplacement(
          out, Matcher.quoteReplacement("server 127.0.0.1:" + port + matcher.group(3) + ";"));
      replaced.add(matcher.group(1));
    }
    matcher.appendTail(out);
    if (!replaced.equals(upstreams.portsByService().keySet())) {
      throw new AssertionError(
          UPSTREAMS_CONF
              + " names the services "
              + replaced
              + ", the test expects "
              + upstreams.portsByService().keySet());
    }
    return out.toString();
  }

  private static String replaceOnce(String text, String target, String replacement) {
    int first = text.indexOf(target);
    if (first < 0 || text.indexOf(target, first + 1) >= 0) {
      throw new AssertionError(
          "expected exactly one '" + target.strip() + "' in the front config: update FrontConfig");
    }
    return text.replace(target, replacement);
  }

  private static String read(String relative) {
    try {
      return Files.readString(RepoRoot.file(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
