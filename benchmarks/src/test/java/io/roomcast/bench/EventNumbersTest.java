package io.roomcast.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventNumbersTest {
  private final EventNumbers numbers = new EventNumbers();

  private static ByteBuf frame(String text) {
    return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
  }

  private boolean read(String text) {
    ByteBuf frame = frame(text);
    return numbers.read(frame, frame.readerIndex(), frame.readableBytes());
  }

  @Test
  void readsTheThreeNumbersWhereverEachServerPutsThem() {
    assertTrue(
        read(
            "42[\"bench\",{\"_id\":\"6745\",\"uuid\":\"u\",\"benchStep\":3,\"benchSeq\":42,"
                + "\"benchTs\":1234567890123,\"pad\":\"xx\"},{\"op\":\"insert\"}]"));
    assertEquals(3, numbers.step());
    assertEquals(42, numbers.seq());
    assertEquals(1234567890123L, numbers.ts());

    assertTrue(read("42[\"bench\",{\"benchStep\":0,\"benchSeq\":0,\"benchTs\":9}]"));
    assertEquals(0, numbers.step());
    assertEquals(0, numbers.seq());
    assertEquals(9, numbers.ts());
  }

  @Test
  void readsOnlyTheMessagesRangeOfTheBuffer() {
    ByteBuf text = frame("xx\"benchStep\":1,\"benchSeq\":2,\"benchTs\":3,\"benchStep\":9");
    assertTrue(numbers.read(text, 2, text.readableBytes() - 2));
    assertEquals(2, numbers.seq());
    assertEquals(0, text.readerIndex(), "the buffer is left as it was");
    assertFalse(numbers.read(text, 2, 30), "benchTs is past the range");
  }

  @Test
  void aFrameLargerThanTheScratchArrayIsReadWhole() {
    String pad = "x".repeat(5000);
    assertTrue(read("{\"p\":\"" + pad + "\",\"benchStep\":1,\"benchSeq\":7,\"benchTs\":8}"));
    assertEquals(7, numbers.seq());
    assertTrue(read("{\"benchStep\":1,\"benchSeq\":5,\"benchTs\":6}"), "smaller after larger");
    assertEquals(5, numbers.seq());
  }

  @Test
  void anAbsentOrMisplacedKeyOrANonNumberIsNotAnEvent() {
    assertFalse(read("42[\"bench\",{\"benchStep\":1,\"benchTs\":3}]"));
    assertFalse(read("42[\"bench\",{\"benchSeq\":2,\"benchStep\":1,\"benchTs\":3}]"));
    assertFalse(read("42[\"bench\",{\"benchStep\":1,\"benchSeq\":\"2\",\"benchTs\":3}]"));
    assertFalse(read("42[\"bench\",{\"benchStep\":1,\"benchSeq\":-2,\"benchTs\":3}]"));
    assertFalse(read("\"benchStep\":1,\"benchSeq\":2,\"benchTs\":"));
    assertFalse(read("\"benchStep\":1,\"benchSeq\":1234567890123456789,\"benchTs\":3"));
    assertFalse(read(""));
  }
}
