package io.roomcast.socket.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Pins the netty-socketio internals the limits read (2.0.14): if an upgrade moves them, this fails
 * before the limits silently fall back (polling queue unbounded, attachment count read lazily).
 */
class SocketIoInternalsTest {
  @Test
  void theFieldsTheLimitsReadExist() {
    assertTrue(SocketIoInternals.available());
  }

  @Test
  void readsTheAnnouncedAttachmentCount() {
    Packet packet = new Packet(PacketType.MESSAGE, EngineIOVersion.V4);
    packet.initAttachments(Integer.MAX_VALUE);
    assertEquals(OptionalInt.of(Integer.MAX_VALUE), SocketIoInternals.announcedAttachments(packet));
  }
}
