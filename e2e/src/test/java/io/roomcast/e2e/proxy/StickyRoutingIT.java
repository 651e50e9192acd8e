package io.roomcast.e2e.proxy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.e2e.deploy.ExternalTool;
import io.roomcast.e2e.testing.JavaSocketClient;
import io.roomcast.embedded.testing.FreePorts;
import io.roomcast.embedded.testing.Http;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routing by sid through the demo's front with two socket servers (NODE_ID 1 and 2), every client
 * coming from the one address 127.0.0.1, as clients behind one NAT do: polling sessions stay on the
 * node their sid names, handshakes and WebSocket-only connections spread over both nodes (which
 * ip_hash, keyed on the address, could not do), and the same front ignoring the sid loses polling
 * sessions, which is what the routing prevents.
 */
class StickyRoutingIT {
  private static final int POLLING_CLIENTS = 16;
  private static final int WEBSOCKET_CLIENTS = 6;
  @TempDir static Path temp;
  private static ProxiedStack stack;
  private static NginxProcess front;

  @BeforeAll
  static void start() {
    stack = ProxiedStack.start(ExternalTool.require("nginx", "nginx-light"), temp);
    front = stack.startFront("sticky", stack.frontPort(), true);
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void pollingSessionsStayOnTheirNodeAndHandshakesSpreadOverBoth() throws Exception {
    joinAndReceive(List.of("polling"), POLLING_CLIENTS);
    List<AccessLogLine> socketRequests =
        socketRequests().stream().filter(line -> line.transport().equals("polling")).toList();
    Map<String, String> nodes = nodeUpstreams();
    for (AccessLogLine line : socketRequests) {
      if (!line.node().isEmpty()) {
        assertEquals(nodes.get(line.node()), line.upstream(), "the node its sid names: " + line);
      }
    }
    Set<String> sessionNodes =
        socketRequests.stream().map(AccessLogLine::node).collect(Collectors.toSet());
    assertTrue(sessionNodes.containsAll(nodes.keySet()), "sessions on both nodes: " + sessionNodes);
    assertEquals(
        Set.copyOf(nodes.values()),
        upstreamsOf(socketRequests, line -> line.node().isEmpty()),
        "handshakes from one address go to both nodes");
    List<AccessLogLine> failed = socketRequests.stream().filter(l -> l.status() >= 400).toList();
    assertEquals(List.of(), failed, "no Socket.IO request failed (unknown sid)");
  }

  @Test
  void webSocketOnlyClientsGoToTheLeastBusyNode() throws Exception {
    joinAndReceive(List.of("websocket"), WEBSOCKET_CLIENTS);
    // A WebSocket is logged when it closes, with 101.
    Predicate<AccessLogLine> webSocket =
        line -> line.transport().equals("websocket") && line.status() == 101;
    await("every WebSocket logged")
        .atMost(Duration.ofSeconds(20))
        .until(() -> socketRequests().stream().filter(webSocket).count() >= WEBSOCKET_CLIENTS);
    assertEquals(
        Set.copyOf(nodeUpstreams().values()),
        upstreamsOf(socketRequests(), webSocket),
        "WebSockets on both nodes");
  }

  @Test
  void ignoringTheSidPollingSessionsReachTheWrongServer() throws Exception {
    NginxProcess unrouted = stack.startFront("sid-ignored", FreePorts.next(), false);
    String room = UUID.randomUUID().toString();
    List<JavaSocketClient> clients = clients(unrouted, List.of("polling"), POLLING_CLIENTS, room);
    try {
      await("a polling request sent to the server that does not hold its session")
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  unrouted.accessLog().stream()
                      .anyMatch(line -> line.isSocketIo() && line.status() >= 400));
    } finally {
      clients.forEach(JavaSocketClient::close);
    }
  }

  /** Node (two hex digits of its NODE_ID) to the upstream address nginx logs for it. */
  private static Map<String, String> nodeUpstreams() {
    List<Integer> ports = stack.socketPorts();
    return Map.of("01", "127.0.0.1:" + ports.get(0), "02", "127.0.0.1:" + ports.get(1));
  }

  private static List<AccessLogLine> socketRequests() {
    return front.accessLog().stream().filter(AccessLogLine::isSocketIo).toList();
  }

  private static Set<String> upstreamsOf(
      List<AccessLogLine> lines, Predicate<AccessLogLine> which) {
    return lines.stream().filter(which).map(AccessLogLine::upstream).collect(Collectors.toSet());
  }

  /**
   * Connects {@code count} clients through the front, waits for every JoinRoom ack and the update
   * posted after, and closes them; on a timeout, says what each client and nginx saw.
   */
  private static void joinAndReceive(List<String> transports, int count) throws Exception {
    String room = UUID.randomUUID().toString();
    List<JavaSocketClient> clients = clients(front, transports, count, room);
    try {
      for (JavaSocketClient client : clients) {
        assertTrue(
            client.awaitJoined().path("ok").asBoolean(), client.describe() + client.errors());
      }
      Http.Reply posted =
          new Http(front.url()).send("POST", "/update", "{\"uuid\":\"" + room + "\",\"data\":{}}");
      assertEquals(2, posted.status() / 100, "POST /update through the front: " + posted);
      for (JavaSocketClient client : clients) {
        client.awaitEvent("the update of " + room, e -> room.equals(e.uuid()));
        assertEquals(List.of(), client.errors(), client.describe());
      }
    } catch (ConditionTimeoutException e) {
      StringBuilder report = new StringBuilder(e.getMessage());
      clients.forEach(
          c -> report.append("\n").append(c.describe()).append(" errors ").append(c.errors()));
      front.accessLog().forEach(line -> report.append("\n  ").append(line));
      report.append("\nnginx error log:\n").append(front.errorLog());
      throw new AssertionError(report.toString(), e);
    } finally {
      clients.forEach(JavaSocketClient::close);
    }
  }

  /** Clients from 127.0.0.1, all of them, joining {@code room}. */
  private static List<JavaSocketClient> clients(
      NginxProcess through, List<String> transports, int count, String room)
      throws UnknownHostException {
    InetAddress oneAddress = InetAddress.getByName("127.0.0.1");
    List<JavaSocketClient> clients = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      clients.add(JavaSocketClient.join(through.url(), oneAddress, transports, List.of(room)));
    }
    return clients;
  }
}
