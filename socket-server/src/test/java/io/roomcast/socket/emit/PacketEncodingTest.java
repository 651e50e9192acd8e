package io.roomcast.socket.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.JacksonJsonSupport;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketEncoder;
import com.corundumstudio.socketio.protocol.PacketType;
import com.fasterxml.jackson.core.io.SerializedString;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/**
 * What netty-socketio's own encoder makes of a prepared change for each client: the pre-serialized
 * JSON copied as it is into a Socket.IO EVENT packet, for v4 and v3 (Socket.IO v2) clients alike.
 */
class PacketEncodingTest {
  private final PacketEncoder encoder =
      new PacketEncoder(new Configuration(), new JacksonJsonSupport());

  private PreparedChange change() {
    BsonDocument event = ChangeEvents.load("delete-with-pre-image");
    return new ChangeEncoder("uuid").encode(event, "test", UUID.fromString(ChangeEvents.UUID));
  }

  private String encodeFor(EngineIOVersion version, PreparedChange change) throws Exception {
    Packet packet = new Packet(PacketType.MESSAGE, version);
    packet.setSubType(PacketType.EVENT);
    packet.setName(change.event());
    packet.setData(List.of(change.body(), change.meta()));
    ByteBuf out = Unpooled.buffer();
    encoder.encodePacket(packet, out, ByteBufAllocator.DEFAULT, true);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everyClientGetsThePreparedBytesInAnEventPacket() throws Exception {
    PreparedChange change = change();
    String expected = "42[\"test\"," + change.bodyJson() + "," + change.metaJson() + "]";
    assertEquals(expected, encodeFor(EngineIOVersion.V4, change));
    assertEquals(expected, encodeFor(EngineIOVersion.V3, change));
    assertEquals(expected, encodeFor(EngineIOVersion.V4, change), "encoding twice changes nothing");
  }

  @Test
  void theUtf8BytesAreComputedOnceAndShared() {
    PreparedChange change = change();
    SerializedString body = (SerializedString) change.body().rawValue();
    assertSame(body.asUnquotedUTF8(), body.asUnquotedUTF8());
  }

  @Test
  void nonAsciiTextSurvivesTheRawCopy() throws Exception {
    BsonDocument event = ChangeEvents.load("replace");
    event.getDocument("fullDocument").put("title", new org.bson.BsonString("Grüße, 世界 \"quoted\""));
    PreparedChange change =
        new ChangeEncoder("uuid").encode(event, "test", UUID.fromString(ChangeEvents.UUID));
    String encoded = encodeFor(EngineIOVersion.V4, change);
    assertEquals(true, encoded.contains("\"title\":\"Grüße, 世界 \\\"quoted\\\"\""), encoded);
  }
}
