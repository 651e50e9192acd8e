package io.roomcast.socket.guard;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.handler.ClientsBox;
import java.lang.reflect.Field;
import java.util.function.Consumer;

/**
 * netty-socketio's session registry, telling {@link Sessions} of each new session as netty-socketio
 * registers it, which is before the handshake's answer carries the sid to the client, and before
 * the session's first packet is queued (so the session can be prepared without a race). Recording
 * it after the handshake instead loses a race: a fast client's next request, on another event loop,
 * could be refused as "unknown sid", or its CONNECT missed. netty-socketio 2.0.14 offers no hook,
 * so this replaces its private {@code clientsBox} field before its handlers are built; {@code
 * SessionGuardInternalsTest} fails if that field moves.
 */
final class RecordingClientsBox extends ClientsBox {
  static final String FIELD = "clientsBox";

  private final Sessions sessions;
  private final Consumer<ClientHead> prepare;

  private RecordingClientsBox(Sessions sessions, Consumer<ClientHead> prepare) {
    this.sessions = sessions;
    this.prepare = prepare;
  }

  /**
   * Installs the recording registry; call from the initializer's constructor, before start().
   *
   * @param prepare given each new session first, while no other thread can know of it
   */
  static void install(
      SocketIOChannelInitializer initializer, Sessions sessions, Consumer<ClientHead> prepare) {
    try {
      Field field = SocketIOChannelInitializer.class.getDeclaredField(FIELD);
      field.setAccessible(true);
      field.set(initializer, new RecordingClientsBox(sessions, prepare));
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
    prepare.accept(client);
    sessions.opened(client);
    super.addClient(client);
  }
}
