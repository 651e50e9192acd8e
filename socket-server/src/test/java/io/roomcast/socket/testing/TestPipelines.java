package io.roomcast.socket.testing;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.namespace.NamespacesHub;
import io.roomcast.socket.auth.ConnectAuthRequired;
import io.roomcast.socket.config.SocketServerConfig;
import io.roomcast.socket.guard.NodeSessionIds;
import io.roomcast.socket.guard.SessionLimits;
import io.roomcast.socket.http.GuardedChannelInitializer;
import io.roomcast.socket.http.OriginGuard;
import io.roomcast.socket.http.PipelineReplacement;
import io.roomcast.socket.limits.ConnectionLimits;

/**
 * The server's real channel initializer, started on its own (no recovery, no listeners but
 * netty-socketio's), for tests that run its pipeline in memory on a {@link LoopbackChannel}. Stop
 * it with {@code initializer.stop()}.
 */
public final class TestPipelines {
  private TestPipelines() {}

  public static GuardedChannelInitializer started(
      SocketServerConfig config, Configuration configuration) {
    SocketIOServer server = new SocketIOServer(configuration);
    GuardedChannelInitializer initializer =
        new GuardedChannelInitializer(
            new OriginGuard(config.allowedOrigins()),
            new SessionLimits(config.connectTimeoutMillis(), config.maxClients()),
            ConnectionLimits.register(server, config),
            new ConnectAuthRequired(),
            new NodeSessionIds(0),
            null, // no connection state recovery
            null); // no compression
    PipelineReplacement.install(server, initializer); // stops the unused default's timer
    NamespacesHub namespaces = new NamespacesHub(configuration);
    namespaces.create(Namespace.DEFAULT_NAME);
    initializer.start(configuration, namespaces);
    return initializer;
  }
}
