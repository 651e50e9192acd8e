package io.roomcast.socket.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Engine.IO/Socket.IO frames for the fuzzer: valid ones of both protocol versions, then mutated
 * (bytes flipped, inserted, deleted, repeated, spliced, numbers blown up) or entirely random. Every
 * choice comes from the given Random, so a seed reproduces the sequence.
 */
final class FrameMutator {
  /**
   * Binary packets announcing more attachments than this are not generated: bounding the attachment
   * count is a separate limit with its own test (issue 9, point 4).
   */
  private static final Pattern HUGE_ATTACHMENT_COUNT = Pattern.compile("^[0-9]?4[56]\\d{5,}");

  private final Random random;
  private final List<String> corpus;

  FrameMutator(Random random) {
    this.random = random;
    String room = new UUID(random.nextLong(), random.nextLong()).toString();
    corpus =
        List.of(
            "40",
            "40{\"token\":\"x\"}",
            "40/admin,",
            "41",
            "2",
            "3",
            "2probe",
            "3probe",
            "5",
            "6",
            "1",
            "42[\"Check\",{\"a\":[1,2,{\"b\":null}]}]",
            "421[\"JoinRoom\",[\"" + room + "\"]]",
            "422[\"LeaveRoom\",[\"" + room + "\"]]",
            "423[\"JoinRoom\",[\"" + room + "\",\"not-a-uuid\",42]]",
            "42[\"Check\"]",
            "424[\"Check\",\"" + "x".repeat(200) + "\"]",
            "43[\"ok\"]",
            "4317[{\"n\":1}]",
            "451-[\"Check\",{\"_placeholder\":true,\"num\":0}]",
            "452-5[\"Check\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]",
            "461-7[{\"_placeholder\":true,\"num\":0}]",
            "44\"oops\"",
            "4/nsp,2[\"Check\",1]",
            "bAQID",
            "b4AQIDBA==");
  }

  /** A text frame: valid, mutated or random. */
  String text() {
    int kind = random.nextInt(10);
    String frame;
    if (kind < 2) {
      frame = pick();
    } else if (kind < 9) {
      frame = mutate(pick());
    } else {
      frame = randomText(random.nextInt(64));
    }
    return HUGE_ATTACHMENT_COUNT.matcher(frame).find() ? pick() : frame;
  }

  /** A binary frame: random bytes, or a text frame's bytes. */
  byte[] binary() {
    if (random.nextBoolean()) {
      return text().getBytes(StandardCharsets.UTF_8);
    }
    byte[] bytes = new byte[random.nextInt(256)];
    random.nextBytes(bytes);
    return bytes;
  }

  private String pick() {
    return corpus.get(random.nextInt(corpus.size()));
  }

  private String mutate(String frame) {
    StringBuilder text = new StringBuilder(frame);
    int mutations = 1 + random.nextInt(3);
    for (int i = 0; i < mutations; i++) {
      int at = text.length() == 0 ? 0 : random.nextInt(text.length());
      switch (random.nextInt(8)) {
        case 0 -> text.insert(at, (char) random.nextInt(128));
        case 1 -> {
          if (text.length() > 0) {
            text.deleteCharAt(at);
          }
        }
        case 2 -> text.setLength(at); // truncate
        case 3 -> text.insert(at, text.substring(at, Math.min(text.length(), at + 8)).repeat(4));
        case 4 -> text.insert(at, pick()); // splice another frame in
        case 5 -> text.insert(at, random.nextBoolean() ? "\u001e" : "[{\"");
        case 6 -> text.insert(at, Long.toString(random.nextLong() >>> random.nextInt(64)));
        default -> text.insert(at, (char) (0x80 + random.nextInt(0xFF00)));
      }
    }
    return text.toString();
  }

  private String randomText(int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(
          random.nextBoolean() ? (char) (32 + random.nextInt(95)) : (char) random.nextInt(0xD800));
    }
    return text.toString();
  }
}
