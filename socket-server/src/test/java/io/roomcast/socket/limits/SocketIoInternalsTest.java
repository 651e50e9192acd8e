package io.roomcast.socket.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.HandshakeData;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.handler.ClientsBox;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import com.corundumstudio.socketio.store.MemoryStoreFactory;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Pins the netty-socketio internals the limits read (2.0.14): if an upgrade moves them, this fails
 * before the limits silently fall back (polling queue unbounded, attachment count read lazily,
 * websocket clients served one packet each).
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

  @Test
  void findsTheChannelOfAWebsocketClientOnly() {
    EmbeddedChannel channel = new EmbeddedChannel();
    ClientHead websocket = client(Transport.WEBSOCKET);
    assertNull(SocketIoInternals.websocketChannel(websocket), "not bound yet");
    websocket.bindChannel(channel, Transport.WEBSOCKET);
    assertSame(channel, SocketIoInternals.websocketChannel(websocket));

    ClientHead polling = client(Transport.POLLING);
    polling.bindChannel(new EmbeddedChannel(), Transport.POLLING);
    assertNull(SocketIoInternals.websocketChannel(polling), "polling: netty-socketio's queue");
    channel.finishAndReleaseAll();
  }

  private static ClientHead client(Transport transport) {
    return new ClientHead(
        UUID.randomUUID(),
        null,
        null,
        new MemoryStoreFactory(),
        new HandshakeData(new DefaultHttpHeaders(), Map.of(), null, "/socket.io/", false),
        new ClientsBox(),
        transport,
        null,
        new Configuration(),
        Map.of());
  }
}
