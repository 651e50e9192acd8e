package io.roomcast.socket.http;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.roomcast.socket.auth.ConnectAuthRequired;
import io.roomcast.socket.limits.ConnectionLimits;

/**
 * netty-socketio's pipeline with the {@link OriginGuard} placed after the HTTP codec and before
 * every Socket.IO handler, so that it sees each decoded request and its 403 is encoded; then the
 * per-connection {@link ConnectionLimits}, and the room authorization's {@link ConnectAuthRequired}
 * just before the packet handler.
 */
public final class GuardedChannelInitializer extends SocketIOChannelInitializer {
  static final String ORIGIN_GUARD = "originGuard";

  private final OriginGuard guard;
  private final ConnectionLimits limits;
  private final ConnectAuthRequired connectAuth;

  public GuardedChannelInitializer(
      OriginGuard guard, ConnectionLimits limits, ConnectAuthRequired connectAuth) {
    this.guard = guard;
    this.limits = limits;
    this.connectAuth = connectAuth;
  }

  @Override
  protected void addSocketioHandlers(ChannelPipeline pipeline) {
    super.addSocketioHandlers(pipeline);
    pipeline.addBefore(PACKET_HANDLER, ORIGIN_GUARD, guard);
    limits.install(pipeline);
    pipeline.addBefore(PACKET_HANDLER, ConnectAuthRequired.NAME, connectAuth);
  }
}
