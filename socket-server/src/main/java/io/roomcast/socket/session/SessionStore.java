package io.roomcast.socket.session;

import com.corundumstudio.socketio.store.Store;
import java.util.Arrays;
import java.util.Objects;

/**
 * A session's own values ({@code client.set/get}): the few the server keeps per connection (its
 * room grants, its recovery session) in one small array of keys and values. netty-socketio's
 * default store is a ConcurrentHashMap per session, about 200 bytes for those two entries; this is
 * about 50. Readers see an array that is never changed once published (volatile); writers, rare,
 * copy it under this object's monitor. As with the map, null keys and values are refused.
 */
final class SessionStore implements Store {
  private static final Object[] EMPTY = {};

  private volatile Object[] keysAndValues = EMPTY;

  @Override
  public synchronized void set(String key, Object value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Object[] current = keysAndValues;
    int at = indexOf(current, key);
    Object[] next;
    if (at >= 0) {
      next = current.clone();
    } else {
      at = current.length;
      next = Arrays.copyOf(current, current.length + 2);
      next[at] = key;
    }
    next[at + 1] = value;
    keysAndValues = next;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T get(String key) {
    Object[] current = keysAndValues;
    int at = indexOf(current, key);
    return at < 0 ? null : (T) current[at + 1];
  }

  @Override
  public boolean has(String key) {
    return indexOf(keysAndValues, key) >= 0;
  }

  @Override
  public synchronized void del(String key) {
    Object[] current = keysAndValues;
    int at = indexOf(current, key);
    if (at < 0) {
      return;
    }
    Object[] next = new Object[current.length - 2];
    System.arraycopy(current, 0, next, 0, at);
    System.arraycopy(current, at + 2, next, at, current.length - at - 2);
    keysAndValues = next.length == 0 ? EMPTY : next;
  }

  private static int indexOf(Object[] keysAndValues, String key) {
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }
}
