package io.roomcast.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EioClientTest {
  private static final byte[] SEQ = "\"benchSeq\":".getBytes(StandardCharsets.US_ASCII);

  private static ByteBuf frame(String text) {
    return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
  }

  @Test
  void readsTheNumberAfterItsKeyWhereverTheServerPutsIt() {
    assertEquals(
        42,
        EioClient.numberAfter(
            frame("42[\"bench\",{\"uuid\":\"u\",\"benchSeq\":42,\"x\":1}]"), SEQ));
    assertEquals(7, EioClient.numberAfter(frame("42[\"bench\",{\"benchSeq\":7}]"), SEQ));
  }

  @Test
  void anAbsentKeyOrANonNumberIsMinusOne() {
    assertEquals(-1, EioClient.numberAfter(frame("42[\"bench\",{\"seq\":42}]"), SEQ));
    assertEquals(-1, EioClient.numberAfter(frame("42[\"bench\",{\"benchSeq\":\"x\"}]"), SEQ));
    assertEquals(-1, EioClient.numberAfter(frame("\"benchSeq\":"), SEQ));
  }
}
