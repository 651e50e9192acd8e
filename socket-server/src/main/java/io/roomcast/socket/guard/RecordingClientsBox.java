package io.roomcast.socket.guard;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.handler.ClientsBox;
import java.lang.reflect.Field;

/**
 * netty-socketio's session registry, telling {@link Sessions} of each new session as netty-socketio
 * registers it, which is before the handshake's answer carries the sid to the client. Recording it
 * after the handshake instead loses a race: a fast client's next request, on another event loop,
 * could be refused as "unknown sid", or its CONNECT missed. netty-socketio 2.0.14 offers no hook,
 * so this replaces its private {@code clientsBox} field before its handlers are built; {@code
 * SessionGuardInternalsTest} fails if that field moves.
 */
final class RecordingClientsBox extends ClientsBox {
  static final String FIELD = "clientsBox";

  private final Sessions sessions;

  private RecordingClientsBox(Sessions sessions) {
    this.sessions = sessions;
  }

  /** Installs the recording registry; call from the initializer's constructor, before start(). */
  static void install(SocketIOChannelInitializer initializer, Sessions sessions) {
    try {
      Field field = SocketIOChannelInitializer.class.getDeclaredField(FIELD);
      field.setAccessible(true);
      field.set(initializer, new RecordingClientsBox(sessions));
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "this netty-socketio version has no SocketIOChannelInitializer."
              + FIELD
              + "; the session guard needs 2.0.14's",
          e);
    }
  }

  @Override
  public void addClient(ClientHead client) {
    sessions.opened(client);
    super.addClient(client);
  }
}
