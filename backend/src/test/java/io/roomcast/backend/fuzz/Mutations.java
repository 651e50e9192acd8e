package io.roomcast.backend.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Byte-level mutations of a valid body, and pieces of odd JSON to splice in. */
final class Mutations {
  /** Names MongoDB would misread or that are otherwise refused, and near misses that are fine. */
  static final String[] KEYS = {
    "$set",
    "$",
    "$where",
    ".a",
    "a.b",
    "",
    "\\u0000",
    "a\\u0000b",
    "_id",
    "uuid",
    "data",
    "$inc",
    "\\uff04set",
    "ok",
    "é",
    "\\ud83d\\ude00",
    "__proto__",
    "constructor"
  };

  /** Values of every JSON type, including ones BSON cannot hold as given. */
  static final String[] VALUES = {
    "1",
    "-0",
    "1e400",
    "-1e400",
    "123456789012345678901234567890123456789",
    "0.1",
    "1E-400",
    "true",
    "null",
    "\"\"",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "[]",
    "{}",
    "\"x\"",
    "9223372036854775808",
    "\"\uff13\u0663\uff42\"",
    "\"\u202e\ufeff\"",
    "[[[[]]]]",
    "{\"a\":{\"b\":{}}}"
  };

  /** Raw bytes that are not (or not quite) UTF-8 text. */
  private static final byte[][] ODD_BYTES = {
    {(byte) 0xC0, (byte) 0x80},
    {(byte) 0xFF},
    {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
    {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
    {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
    {0},
    {'\\'},
    {'"'},
    {'{'},
    {']'}
  };

  private Mutations() {}

  /** One to four random edits: flips, inserts, deletes, truncation, duplication, splices. */
  static byte[] mutate(byte[] valid, Random random) {
    byte[] body = valid;
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits; i++) {
      body = edit(body, random);
    }
    return body;
  }

  private static byte[] edit(byte[] body, Random random) {
    int at = body.length == 0 ? 0 : random.nextInt(body.length + 1);
    switch (random.nextInt(7)) {
      case 0:
        if (body.length > 0) {
          byte[] flipped = body.clone();
          flipped[Math.min(at, body.length - 1)] ^= (byte) (1 << random.nextInt(8));
          return flipped;
        }
        return body;
      case 1:
        return splice(body, at, at, ODD_BYTES[random.nextInt(ODD_BYTES.length)]);
      case 2:
        return splice(body, at, Math.min(body.length, at + 1 + random.nextInt(8)), new byte[0]);
      case 3:
        return java.util.Arrays.copyOf(body, at);
      case 4:
        return splice(body, at, at, java.util.Arrays.copyOfRange(body, 0, at));
      case 5:
        String pair = "\"" + KEYS[random.nextInt(KEYS.length)] + "\":" + pick(VALUES, random) + ",";
        return splice(body, at, at, pair.getBytes(StandardCharsets.UTF_8));
      default:
        return splice(body, at, at, pick(VALUES, random).getBytes(StandardCharsets.UTF_8));
    }
  }

  static String pick(String[] options, Random random) {
    return options[random.nextInt(options.length)];
  }

  private static byte[] splice(byte[] body, int from, int to, byte[] insert) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + insert.length);
    out.write(body, 0, from);
    out.write(insert, 0, insert.length);
    out.write(body, to, body.length - to);
    return out.toByteArray();
  }
}
