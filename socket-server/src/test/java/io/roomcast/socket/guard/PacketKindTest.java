package io.roomcast.socket.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PacketKindTest {
  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "40|CONNECT",
        "'40{\"token\":\"x\"}'|CONNECT",
        "40/admin,|OTHER",
        "401|OTHER",
        "2|ENGINE_CONTROL",
        "2probe|ENGINE_CONTROL",
        "3|ENGINE_CONTROL",
        "5|ENGINE_CONTROL",
        "6|ENGINE_CONTROL",
        "1|ENGINE_CONTROL",
        "'42[\"JoinRoom\",[]]'|OTHER",
        "41|OTHER",
        "4|OTHER",
        "bAQID|OTHER",
        "''|OTHER"
      })
  void classifiesAPacket(String packet, PacketKind kind) {
    ByteBuf content = Unpooled.copiedBuffer(packet, StandardCharsets.UTF_8);
    assertEquals(kind, PacketKind.of(content, 0, content.writerIndex()));
  }
}
