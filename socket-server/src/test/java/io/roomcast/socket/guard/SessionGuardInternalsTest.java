package io.roomcast.socket.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.handler.ClientsBox;
import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/** Pins the netty-socketio field the session guard replaces (see {@link RecordingClientsBox}). */
class SessionGuardInternalsTest {
  @Test
  void theRecordingRegistryReplacesNettySocketIosOwn() throws Exception {
    SocketIOChannelInitializer initializer = new SocketIOChannelInitializer();
    SessionGuard.recordSessionsOf(initializer, new Sessions(), client -> {});
    Field field = SocketIOChannelInitializer.class.getDeclaredField(RecordingClientsBox.FIELD);
    field.setAccessible(true);
    assertEquals(ClientsBox.class, field.getType());
    assertTrue(field.get(initializer) instanceof RecordingClientsBox);
  }
}
