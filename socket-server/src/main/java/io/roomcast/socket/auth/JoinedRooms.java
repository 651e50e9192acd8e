package io.roomcast.socket.auth;

import com.corundumstudio.socketio.SocketIOClient;
import io.roomcast.common.uuid.Uuids;
import java.util.HashSet;
import java.util.Set;

/** The UUID rooms a client is in; the namespace's own room (named "") is not one of them. */
public final class JoinedRooms {
  private JoinedRooms() {}

  public static Set<String> of(SocketIOClient client) {
    Set<String> rooms = new HashSet<>();
    for (String room : client.getAllRooms()) {
      if (Uuids.parse(room).isPresent()) {
        rooms.add(room);
      }
    }
    return rooms;
  }
}
