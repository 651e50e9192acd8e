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
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sticky routing of the demo's front with two socket servers, shown with long-polling clients that
 * come from different loopback networks (127.0.N.1), as clients on different networks would: with
 * the front's ip_hash each client stays on one server and both servers are used; the same front
 * without ip_hash (round robin) loses polling sessions, which is what the stickiness prevents.
 */
class StickyRoutingIT {
  private static final int CLIENTS = 12;
  @TempDir static Path temp;
  private static ProxiedStack stack;

  @BeforeAll
  static void start() {
    stack = ProxiedStack.start(ExternalTool.require("nginx", "nginx-light"), temp);
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void eachPollingClientStaysOnOneSocketServerAndBothServe() throws Exception {
    NginxProcess front = stack.startFront("sticky", stack.frontPort(), true);
    String room = UUID.randomUUID().toString();
    List<JavaSocketClient> clients = pollingClients(front, 1, room);
    try {
      awaitAllJoined(front, clients);
      Http.Reply posted =
          new Http(front.url()).send("POST", "/update", "{\"uuid\":\"" + room + "\",\"data\":{}}");
      assertEquals(2, posted.status() / 100, "POST /update through the front: " + posted);
      for (JavaSocketClient client : clients) {
        client.awaitEvent("the update of " + room, e -> room.equals(e.uuid()));
        assertEquals(List.of(), client.errors(), client.describe());
      }
    } finally {
      clients.forEach(JavaSocketClient::close);
    }
    List<AccessLogLine> socketRequests =
        front.accessLog().stream().filter(AccessLogLine::isSocketIo).toList();
    Map<String, Set<String>> serversByClient =
        socketRequests.stream()
            .collect(
                Collectors.groupingBy(
                    AccessLogLine::client,
                    Collectors.mapping(AccessLogLine::upstream, Collectors.toSet())));
    assertEquals(CLIENTS, serversByClient.size(), serversByClient.toString());
    serversByClient.forEach(
        (client, servers) -> assertEquals(1, servers.size(), client + " was sent to " + servers));
    Set<String> used =
        serversByClient.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
    Set<String> socketServers =
        stack.socketPorts().stream().map(p -> "127.0.0.1:" + p).collect(Collectors.toSet());
    assertEquals(socketServers, used, "both socket servers serve clients");
    List<AccessLogLine> failed = socketRequests.stream().filter(l -> l.status() >= 400).toList();
    assertEquals(List.of(), failed, "no Socket.IO request failed");
  }

  @Test
  void withoutIpHashPollingSessionsReachTheWrongServer() throws Exception {
    NginxProcess roundRobin = stack.startFront("round-robin", FreePorts.next(), false);
    List<JavaSocketClient> clients = pollingClients(roundRobin, 101, UUID.randomUUID().toString());
    try {
      await("a polling request sent to the server that does not hold its session")
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  roundRobin.accessLog().stream()
                      .anyMatch(line -> line.isSocketIo() && line.status() >= 400));
    } finally {
      clients.forEach(JavaSocketClient::close);
    }
  }

  /** Waits for every JoinRoom ack; on a timeout, says what each client and nginx saw. */
  private static void awaitAllJoined(NginxProcess front, List<JavaSocketClient> clients) {
    try {
      for (JavaSocketClient client : clients) {
        assertTrue(
            client.awaitJoined().path("ok").asBoolean(), client.describe() + client.errors());
      }
    } catch (ConditionTimeoutException e) {
      StringBuilder report = new StringBuilder(e.getMessage());
      clients.forEach(
          c -> report.append("\n").append(c.describe()).append(" errors ").append(c.errors()));
      front.accessLog().forEach(line -> report.append("\n  ").append(line));
      report.append("\nnginx error log:\n").append(front.errorLog());
      throw new AssertionError(report.toString(), e);
    }
  }

  private static List<JavaSocketClient> pollingClients(
      NginxProcess front, int firstNetwork, String room) throws UnknownHostException {
    List<JavaSocketClient> clients = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      // ip_hash keys on the first three octets of IPv4: 127.0.N.1 is a different network each.
      InetAddress source = InetAddress.getByName("127.0." + (firstNetwork + i) + ".1");
      clients.add(JavaSocketClient.join(front.url(), source, List.of("polling"), List.of(room)));
    }
    return clients;
  }
}
