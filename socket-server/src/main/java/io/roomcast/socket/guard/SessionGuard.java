package io.roomcast.socket.guard;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.DisconnectableHub;
import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.handler.ClientHead;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks every Engine.IO request before netty-socketio sees it, and answers as the reference
 * engine.io server does: an unsupported {@code EIO} or transport, an unknown sid, a handshake that
 * is not a GET, get their 400 with engine.io's code at once; a preflight gets its CORS answer
 * without a session; a handshake beyond MAX_CLIENTS gets 503. Each handshake's session gets the sid
 * this node issues ({@link NodeSessionIds}, handed over by {@link SessionIdHeader}); each session
 * is recorded, and freed if its Socket.IO CONNECT has not come within CONNECT_TIMEOUT.
 */
@Sharable
public final class SessionGuard extends ChannelInboundHandlerAdapter {
  private static final Set<String> VERSIONS = Set.of("3", "4");
  private static final Set<String> TRANSPORTS = Set.of("polling", "websocket");

  private final String connectPath;
  private final Sessions sessions;
  private final SessionLimits limits;
  private final ConnectDeadline deadline;
  private final NodeSessionIds sids;

  /**
   * @param configuration netty-socketio's, as its channel initializer got it: set to take the sids
   *     this guard issues
   * @param hub what frees a session in netty-socketio (its channel initializer)
   */
  public SessionGuard(
      Configuration configuration,
      Sessions sessions,
      SessionLimits limits,
      NodeSessionIds sids,
      DisconnectableHub hub) {
    SessionIdHeader.configure(configuration);
    this.connectPath = configuration.getContext() + "/";
    this.sessions = sessions;
    this.limits = limits;
    this.sids = sids;
    this.deadline = new ConnectDeadline(sessions, limits.connectTimeoutMillis(), hub);
  }

  /**
   * Makes netty-socketio tell {@code sessions} of each session as it registers it, after {@code
   * prepare} has seen it (before its first packet is queued); call from the channel initializer's
   * constructor.
   */
  public static void recordSessionsOf(
      SocketIOChannelInitializer initializer, Sessions sessions, Consumer<ClientHead> prepare) {
    RecordingClientsBox.install(initializer, sessions, prepare);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof FullHttpRequest request)) {
      ctx.fireChannelRead(msg);
      return;
    }
    SessionIdHeader.strip(request.headers());
    if (request.decoderResult().isFailure()) {
      refuse(ctx, request, EngineIoError.BAD_REQUEST, "undecodable HTTP request");
      return;
    }
    QueryStringDecoder query = new QueryStringDecoder(request.uri());
    try {
      query.parameters(); // decodes the query once; a broken escape throws here
    } catch (IllegalArgumentException e) {
      refuse(ctx, request, EngineIoError.BAD_REQUEST, "undecodable query");
      return;
    }
    if (!query.path().startsWith(connectPath)) {
      ctx.fireChannelRead(msg); // netty-socketio answers 400
      return;
    }
    if (HttpMethod.OPTIONS.equals(request.method())) {
      ChannelFuture written = ctx.writeAndFlush(Cors.preflight(request));
      if (!HttpUtil.isKeepAlive(request)) {
        written.addListener(ChannelFutureListener.CLOSE);
      }
      request.release();
      return;
    }
    EngineIoError error = check(request, query);
    if (error != null) {
      refuse(ctx, request, error, error.name().toLowerCase(java.util.Locale.ROOT));
      return;
    }
    if (first(query, "sid") != null) {
      ctx.fireChannelRead(msg);
      return;
    }
    handshake(ctx, request);
  }

  /** The engine.io error this request earns, or null when netty-socketio may serve it. */
  private EngineIoError check(FullHttpRequest request, QueryStringDecoder query) {
    if (!VERSIONS.contains(String.valueOf(first(query, "EIO")))) {
      return EngineIoError.UNSUPPORTED_PROTOCOL_VERSION;
    }
    String transport = first(query, "transport");
    if (!TRANSPORTS.contains(String.valueOf(transport))) {
      return EngineIoError.UNKNOWN_TRANSPORT;
    }
    if (!PollingOptions.valid(first(query, "j"), first(query, "b64"))) {
      return EngineIoError.BAD_REQUEST;
    }
    String sid = first(query, "sid");
    if (sid != null) {
      if (!sessions.isOpen(SessionIds.parse(sid))) {
        return EngineIoError.UNKNOWN_SID;
      }
      boolean pollingMethod =
          HttpMethod.GET.equals(request.method()) || HttpMethod.POST.equals(request.method());
      return pollingMethod ? null : EngineIoError.BAD_REQUEST;
    }
    if (!HttpMethod.GET.equals(request.method())) {
      return EngineIoError.BAD_HANDSHAKE_METHOD;
    }
    if (transport.equals("websocket") && !isUpgrade(request)) {
      return EngineIoError.BAD_REQUEST;
    }
    return null;
  }

  /**
   * Lets netty-socketio create the session, then records it and starts its CONNECT deadline. The
   * place is reserved first: the open packet may reach the client, and its next handshake another
   * event loop, before this one has recorded the session.
   */
  private void handshake(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (!sessions.reserve(limits.maxClients())) {
      refuse(ctx, request, EngineIoError.SERVER_FULL, "server full (MAX_CLIENTS)");
      return;
    }
    ClientHead before = ctx.channel().attr(ClientHead.CLIENT).get();
    try {
      SessionIdHeader.issue(request.headers(), sids.next());
      ctx.fireChannelRead(request);
      ClientHead session = ctx.channel().attr(ClientHead.CLIENT).get();
      if (session != null && session != before) {
        sessions.opened(session); // recorded already as registered: the place is the session's
        deadline.start(ctx.channel().eventLoop(), session);
      }
    } finally {
      ClientHead session = ctx.channel().attr(ClientHead.CLIENT).get();
      if (session == null || session == before) {
        sessions.unreserve(); // no session was created: the place is free again
      }
    }
  }

  private static void refuse(
      ChannelHandlerContext ctx, FullHttpRequest request, EngineIoError error, String kind) {
    ProtocolErrorLog.shared().warn(ctx.channel().remoteAddress(), "refused: " + kind);
    ctx.writeAndFlush(error.response(request)).addListener(ChannelFutureListener.CLOSE);
    request.release();
  }

  private static boolean isUpgrade(FullHttpRequest request) {
    return request
        .headers()
        .containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
  }

  private static String first(QueryStringDecoder query, String name) {
    List<String> values = query.parameters().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
