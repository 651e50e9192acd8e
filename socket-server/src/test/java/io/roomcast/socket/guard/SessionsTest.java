package io.roomcast.socket.guard;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.store.MemoryStoreFactory;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A session's CONNECT deadline holds it only while it waits: cancelled as it connects or closes, or
 * at once if it did so before the deadline was handed over.
 */
class SessionsTest {
  private final Sessions sessions = new Sessions();

  @Test
  void theDeadlineIsCancelledWhenTheSessionConnectsOrCloses() {
    UUID connecting = opened();
    UUID closing = opened();
    CompletableFuture<Void> connectingDeadline = awaiting(connecting);
    CompletableFuture<Void> closingDeadline = awaiting(closing);
    assertFalse(sessions.isConnected(connecting));

    sessions.connected(connecting);
    sessions.closed(closing);
    assertTrue(connectingDeadline.isCancelled());
    assertTrue(sessions.isConnected(connecting));
    assertTrue(closingDeadline.isCancelled());
    assertFalse(sessions.isOpen(closing));
  }

  @Test
  void aDeadlineForASessionAlreadyConnectedOrClosedIsCancelledAtOnce() {
    UUID connected = opened();
    sessions.connected(connected);
    CompletableFuture<Void> late = new CompletableFuture<>();
    sessions.awaitConnect(connected, late);
    assertTrue(late.isCancelled());
    assertTrue(sessions.isConnected(connected));

    CompletableFuture<Void> gone = new CompletableFuture<>();
    sessions.awaitConnect(UUID.randomUUID(), gone);
    assertTrue(gone.isCancelled());
  }

  private CompletableFuture<Void> awaiting(UUID sid) {
    CompletableFuture<Void> deadline = new CompletableFuture<>();
    sessions.awaitConnect(sid, deadline);
    assertFalse(deadline.isCancelled(), "pending while the session waits");
    return deadline;
  }

  private UUID opened() {
    assertTrue(sessions.reserve(10));
    UUID sid = UUID.randomUUID();
    sessions.opened(
        new ClientHead(
            sid,
            null,
            null,
            new MemoryStoreFactory(),
            null,
            null,
            Transport.WEBSOCKET,
            null,
            new Configuration(),
            Map.of("EIO", List.of("4"))));
    assertTrue(sessions.isOpen(sid));
    return sid;
  }
}
