package io.roomcast.socket.lifecycle;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.embedded.testing.JavaProcess;
import io.roomcast.socket.SocketServerMain;
import io.roomcast.socket.testing.JavaClient;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * After kill -9 with clients connected, the old connections linger in the kernel (FIN_WAIT,
 * TIME_WAIT); SO_REUSEADDR lets a new process listen on the same port at once, not a minute later.
 */
class RestartIT {
  private static final String MAIN = SocketServerMain.class.getName();
  private static final Pattern LISTENING =
      Pattern.compile("socket server listening on [^:]+:(\\d+)");
  private static final Duration START = Duration.ofSeconds(60);

  @Test
  void aNewProcessListensOnThePortOfAKilledOneWithinSeconds() throws Exception {
    try (EmbeddedMongo mongo = EmbeddedMongo.start()) {
      Map<String, String> env =
          Map.of(
              "MONGODB_URI", mongo.connectionString(),
              "SOCKET_HOST", "127.0.0.1",
              "ROOM_AUTH", "open",
              "ADMIN_HOST", "127.0.0.1",
              "ADMIN_PORT", "0");
      int port;
      try (JavaProcess first = JavaProcess.start(MAIN, env, "--socket-port=0")) {
        port = awaitListening(first);
        try (JavaClient client =
                JavaClient.connect("http://127.0.0.1:" + port, "websocket").awaitConnected();
            Socket idle = new Socket("127.0.0.1", port)) {
          first.kill(30);
          // The clients keep their ends open: the server's ends stay in FIN_WAIT_2.
          try (JavaProcess second = JavaProcess.start(MAIN, env, "--socket-port=" + port)) {
            await("restarted on port " + port)
                .atMost(Duration.ofSeconds(20))
                .until(() -> listeningPort(second).isPresent() || !second.isAlive());
            assertTrue(second.isAlive(), "second process exited: " + second.output());
            assertTrue(listeningPort(second).orElseThrow() == port);
          }
        }
      }
    }
  }

  private static int awaitListening(JavaProcess process) {
    return await("listening")
        .atMost(START)
        .until(() -> listeningPort(process), Optional::isPresent)
        .orElseThrow();
  }

  private static Optional<Integer> listeningPort(JavaProcess process) {
    for (String line : process.output()) {
      Matcher matcher = LISTENING.matcher(line);
      if (matcher.find()) {
        return Optional.of(Integer.parseInt(matcher.group(1)));
      }
    }
    return Optional.empty();
  }
}
