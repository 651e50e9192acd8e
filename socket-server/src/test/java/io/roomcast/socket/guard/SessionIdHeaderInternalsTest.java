package io.roomcast.socket.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.DisconnectableHub;
import com.corundumstudio.socketio.ack.AckManager;
import com.corundumstudio.socketio.handler.AuthorizeHandler;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.handler.ClientsBox;
import com.corundumstudio.socketio.namespace.NamespacesHub;
import com.corundumstudio.socketio.scheduler.CancelableScheduler;
import com.corundumstudio.socketio.scheduler.HashedWheelTimeoutScheduler;
import com.corundumstudio.socketio.store.MemoryStoreFactory;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import io.roomcast.socket.testing.LoopbackChannel;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pins what {@link SessionIdHeader} relies on in netty-socketio 2.0.14: with {@code randomSession}
 * off, its AuthorizeHandler creates the session with the sid of the {@code io} header, and the
 * guard in front of it hands over its own sid whatever {@code io} header or cookie a client sent.
 */
class SessionIdHeaderInternalsTest {
  private static final String HANDSHAKE = "/socket.io/?EIO=4&transport=polling";
  private static final DisconnectableHub NO_HUB = client -> {};
  private static final UUID VICTIM = UUID.fromString("01000000-0000-0000-0000-000000000001");

  private final Configuration configuration = new Configuration();
  private final CancelableScheduler scheduler = new HashedWheelTimeoutScheduler();

  @AfterEach
  void stopTimer() {
    scheduler.shutdown();
  }

  @Test
  void nettySocketIoCreatesTheSessionWithTheSidOfTheHeader() {
    SessionIdHeader.configure(configuration);
    UUID issued = new NodeSessionIds(7).next();
    FullHttpRequest request = handshake();
    SessionIdHeader.issue(request.headers(), issued);
    request.headers().set(HttpHeaderNames.COOKIE, "io=" + VICTIM);

    assertEquals(issued, sessionCreatedBy(request, authorizeHandler()));
  }

  @Test
  void theGuardIssuesTheSidWhateverTheClientSent() {
    Sessions sessions = new Sessions();
    SessionGuard guard =
        new SessionGuard(
            configuration, sessions, new SessionLimits(45_000, 10), new NodeSessionIds(7), NO_HUB);
    FullHttpRequest request = handshake();
    request.headers().set(SessionIdHeader.NAME, VICTIM.toString());
    request.headers().set(HttpHeaderNames.COOKIE, "io=" + VICTIM);

    UUID sid = sessionCreatedBy(request, guard, authorizeHandler());
    assertNotEquals(VICTIM, sid);
    assertEquals(7, NodeSessionIds.nodeOf(sid), sid.toString());
    assertEquals(1, sessions.count());
  }

  private AuthorizeHandler authorizeHandler() {
    return new AuthorizeHandler(
        "/socket.io/",
        scheduler,
        configuration,
        new NamespacesHub(configuration),
        new MemoryStoreFactory(),
        NO_HUB,
        new AckManager(scheduler),
        new ClientsBox());
  }

  private static FullHttpRequest handshake() {
    return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, HANDSHAKE);
  }

  private static UUID sessionCreatedBy(FullHttpRequest request, ChannelHandler... handlers) {
    EmbeddedChannel channel = new LoopbackChannel(handlers);
    try {
      channel.writeInbound(request);
      ReferenceCountUtil.release(channel.readInbound());
      ClientHead client = channel.attr(ClientHead.CLIENT).get();
      return client.getSessionId();
    } finally {
      channel.finishAndReleaseAll();
    }
  }
}
