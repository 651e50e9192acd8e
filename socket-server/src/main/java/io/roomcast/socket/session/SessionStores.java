package io.roomcast.socket.session;

import com.corundumstudio.socketio.store.MemoryStoreFactory;
import com.corundumstudio.socketio.store.Store;
import java.util.UUID;

/**
 * netty-socketio's in-memory store factory (its local pub/sub, nothing shared between nodes) with a
 * {@link SessionStore} per session instead of a ConcurrentHashMap.
 */
public final class SessionStores extends MemoryStoreFactory {
  @Override
  public Store createStore(UUID sessionId) {
    return new SessionStore();
  }
}
