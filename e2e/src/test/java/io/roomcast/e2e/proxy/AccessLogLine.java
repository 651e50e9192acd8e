package io.roomcast.e2e.proxy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the front's access log, format {@code roomcast} in docker/nginx/roomcast.conf: {@code
 * $remote_addr "$request_method $request_path $server_protocol" $status upstream=$upstream_addr
 * transport=$arg_transport node=$roomcast_sid_node rt=$request_time}. The uri is the requested path
 * alone: no query, so no sid; {@code node} is the sid's first two hex digits (the socket server's
 * NODE_ID), empty on a request without a sid.
 */
public record AccessLogLine(
    String client,
    String method,
    String uri,
    int status,
    String upstream,
    String transport,
    String node) {
  private static final Pattern LINE =
      Pattern.compile(
          "^(\\S+) \"(\\S+) (\\S+) [^\"]*\" (\\d{3}) upstream=(\\S+) transport=(\\S*)"
              + " node=(\\S*) rt=\\S+$");

  /** Parses every line in the format; other lines (nginx notices on stdout) are skipped. */
  public static List<AccessLogLine> parseAll(String log) {
    return log.lines()
        .map(LINE::matcher)
        .filter(Matcher::matches)
        .map(
            m ->
                new AccessLogLine(
                    m.group(1),
                    m.group(2),
                    m.group(3),
                    Integer.parseInt(m.group(4)),
                    m.group(5),
                    m.group(6),
                    m.group(7)))
        .toList();
  }

  public boolean isSocketIo() {
    return uri.startsWith("/socket.io/");
  }
}
