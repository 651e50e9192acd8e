package io.roomcast.socket.http;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.handler.EncoderHandler;
import com.corundumstudio.socketio.namespace.NamespacesHub;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.RecvByteBufAllocator;
import io.roomcast.socket.auth.ConnectAuthRequired;
import io.roomcast.socket.deflate.PerMessageDeflate;
import io.roomcast.socket.guard.ClientErrorHandler;
import io.roomcast.socket.guard.HeapPayloads;
import io.roomcast.socket.guard.NoSessionCookie;
import io.roomcast.socket.guard.NodeSessionIds;
import io.roomcast.socket.guard.PreConnectFilter;
import io.roomcast.socket.guard.SessionGuard;
import io.roomcast.socket.guard.SessionLimits;
import io.roomcast.socket.guard.Sessions;
import io.roomcast.socket.limits.ConnectionLimits;
import io.roomcast.socket.session.KeptHandshake;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * netty-socketio's pipeline, its packet encoder swapped for the {@link LosslessPacketEncoder}, with
 * the {@link OriginGuard}, then the session guards, placed after the HTTP codec and before every
 * Socket.IO handler, so that they see each decoded request (and each packet payload) and their
 * answers are encoded; then the per-connection {@link ConnectionLimits} and the room
 * authorization's {@link ConnectAuthRequired} just before the packet handler, then connection state
 * recovery's CONNECT reader when recovery is on; with WS_COMPRESSION=shared, the permessage-deflate
 * negotiation in front of the websocket handshake; a last handler turns unhandled exceptions into
 * one log line. A connection that becomes a websocket sheds the handlers only HTTP reaches ({@link
 * WebsocketPipeline}). Each session netty-socketio registers keeps only what is read of its
 * handshake later ({@link KeptHandshake}) and gets its polling queue bounded ({@link
 * ConnectionLimits#meterPollingQueue}); sessions it frees are reported to {@link Sessions}.
 */
public final class GuardedChannelInitializer extends SocketIOChannelInitializer {
  static final String ORIGIN_GUARD = "originGuard";
  static final String SESSION_GUARD = "sessionGuard";
  static final String PRE_CONNECT_FILTER = "preConnectFilter";
  static final String HEAP_PAYLOADS = "heapPayloads";
  static final String NO_SESSION_COOKIE = "noSessionCookie";
  static final String CLIENT_ERRORS = "clientErrors";
  static final String RECOVERING_CONNECT = "recoveringConnect";

  private static final RecvByteBufAllocator RECEIVE_BUFFERS = new AdaptiveRecvByteBufAllocator();

  private final OriginGuard guard;
  private final SessionLimits sessionLimits;
  private final ConnectionLimits connectionLimits;
  private final ConnectAuthRequired connectAuth;
  private final NodeSessionIds sids;
  private final ChannelHandler recoveringConnect;
  private final PerMessageDeflate deflate;
  private final Sessions sessions = new Sessions();
  private final PreConnectFilter preConnectFilter = new PreConnectFilter(sessions);
  private final HeapPayloads heapPayloads = new HeapPayloads();
  private final NoSessionCookie noSessionCookie = new NoSessionCookie();
  private final ClientErrorHandler clientErrors = new ClientErrorHandler();
  private final WebsocketPipeline websocketPipeline = new WebsocketPipeline();
  private SessionGuard sessionGuard;
  private EncoderHandler losslessEncoder;

  public GuardedChannelInitializer(
      OriginGuard guard,
      SessionLimits sessionLimits,
      ConnectionLimits connectionLimits,
      ConnectAuthRequired connectAuth,
      NodeSessionIds sids,
      ChannelHandler recoveringConnect,
      PerMessageDeflate deflate) {
    this.guard = guard;
    this.recoveringConnect = recoveringConnect;
    this.deflate = deflate;
    this.sessionLimits = sessionLimits;
    this.connectionLimits = connectionLimits;
    this.connectAuth = connectAuth;
    this.sids = sids;
    SessionGuard.recordSessionsOf(
        this,
        sessions,
        head -> {
          KeptHandshake.trim(head.getHandshakeData());
          connectionLimits.meterPollingQueue(head);
        });
  }

  @Override
  public void start(Configuration configuration, NamespacesHub namespacesHub) {
    super.start(configuration, namespacesHub);
    sessionGuard = new SessionGuard(configuration, sessions, sessionLimits, sids, this);
    try {
      losslessEncoder = new EncoderHandler(configuration, new LosslessPacketEncoder(configuration));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the packet encoder", e);
    }
  }

  @Override
  protected void addSocketioHandlers(ChannelPipeline pipeline) {
    // Netty gives each connection an allocator of its own; its per-connection state is in the
    // handle each connection gets from it, so one serves all.
    pipeline.channel().config().setRecvByteBufAllocator(RECEIVE_BUFFERS);
    super.addSocketioHandlers(pipeline);
    pipeline.replace(SOCKETIO_ENCODER, SOCKETIO_ENCODER, losslessEncoder);
    pipeline.addBefore(PACKET_HANDLER, ORIGIN_GUARD, guard);
    pipeline.addBefore(PACKET_HANDLER, SESSION_GUARD, sessionGuard);
    pipeline.addBefore(PACKET_HANDLER, PRE_CONNECT_FILTER, preConnectFilter);
    pipeline.addBefore(PACKET_HANDLER, HEAP_PAYLOADS, heapPayloads);
    pipeline.addBefore(PACKET_HANDLER, NO_SESSION_COOKIE, noSessionCookie);
    pipeline.addBefore(PACKET_HANDLER, WebsocketPipeline.NAME, websocketPipeline);
    connectionLimits.install(pipeline);
    pipeline.addBefore(PACKET_HANDLER, ConnectAuthRequired.NAME, connectAuth);
    if (recoveringConnect != null) {
      pipeline.addBefore(PACKET_HANDLER, RECOVERING_CONNECT, recoveringConnect);
    }
    if (deflate != null) {
      deflate.install(pipeline);
    }
    pipeline.addLast(CLIENT_ERRORS, clientErrors);
  }

  @Override
  public void onDisconnect(ClientHead client) {
    // First: a request racing this close is then answered "unknown sid" by the guard rather
    // than passed to a transport that no longer finds the session.
    sessions.closed(client.getSessionId());
    super.onDisconnect(client);
  }

  /** The session registry, whose {@link Sessions#transportBound} is a connect listener. */
  public Sessions sessions() {
    return sessions;
  }
}
