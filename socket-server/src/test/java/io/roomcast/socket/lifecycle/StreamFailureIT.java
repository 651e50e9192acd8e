package io.roomcast.socket.lifecycle;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.common.config.Settings;
import io.roomcast.embedded.EmbeddedMongo;
import io.roomcast.socket.SocketServer;
import io.roomcast.socket.config.SocketServerConfig;
import io.roomcast.socket.testing.JavaClient;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A failure that retrying cannot fix stops the stream with a fix-it message, told to the listener.
 */
class StreamFailureIT {
  @Test
  void credentialsTheServerRejectsStopTheStreamWithAFix() {
    try (EmbeddedMongo mongo = EmbeddedMongo.start()) {
      String uri = "mongodb://reader:wrong@127.0.0.1:" + mongo.port() + "/?authSource=admin";
      AtomicReference<String> failure = new AtomicReference<>();
      SocketServerConfig config =
          SocketServerConfig.from(
              Settings.from(
                  Map.of(
                      "MONGODB_URI", uri,
                      "SOCKET_HOST", "127.0.0.1",
                      "SOCKET_PORT", "0",
                      "ROOM_AUTH", "open",
                      "ADMIN_PORT", "0")));
      try (SocketServer server =
          SocketServer.start(config, (database, message) -> failure.set(message))) {
        String message =
            await("fatal stream error")
                .atMost(JavaClient.TIMEOUT)
                .until(failure::get, m -> m != null);
        assertTrue(message.startsWith("change stream on 'app' stopped: "), message);
        assertTrue(
            message.contains("fix: check the user name, password and authSource in MONGODB_URI"),
            message);
        assertTrue(!message.contains("wrong"), "no password in the message: " + message);
      }
    }
  }
}
