package io.roomcast.common.uuid;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonValue;

/**
 * UUIDs as Roomcast uses them: rooms are named by the canonical lowercase string, documents store
 * the UUID as BSON binary subtype 4.
 */
public final class Uuids {
  private static final int CANONICAL_LENGTH = 36;

  private Uuids() {}

  /**
   * Parses the canonical 8-4-4-4-12 form of ASCII hexadecimal digits ({@code [0-9a-fA-F]}), in
   * either case; anything else is rejected. This is the only UUID parser of Roomcast: {@link
   * UUID#fromString} accepts shortened groups such as {@code 1-2-3-4-5}, and {@link
   * Character#digit} (which it uses) also accepts non-ASCII digits and letters such as {@code ３},
   * {@code ٣} or {@code ｂ}, so two different strings would name the same room or document.
   */
  public static Optional<UUID> parse(String text) {
    if (text == null || text.length() != CANONICAL_LENGTH) {
      return Optional.empty();
    }
    long high = 0;
    long low = 0;
    int digits = 0;
    for (int i = 0; i < CANONICAL_LENGTH; i++) {
      char c = text.charAt(i);
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        if (c != '-') {
          return Optional.empty();
        }
        continue;
      }
      int value = asciiHex(c);
      if (value < 0) {
        return Optional.empty();
      }
      if (digits++ < 16) {
        high = high << 4 | value;
      } else {
        low = low << 4 | value;
      }
    }
    return Optional.of(new UUID(high, low));
  }

  /** The value of an ASCII hexadecimal digit, or -1 for any other character. */
  private static int asciiHex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** The room name of a UUID: its canonical lowercase string. */
  public static String roomName(UUID uuid) {
    return uuid.toString().toLowerCase(Locale.ROOT);
  }

  /** The BSON form documents store: binary subtype 4, big-endian as in RFC 4122. */
  public static BsonBinary toBinary(UUID uuid) {
    return new BsonBinary(uuid);
  }

  /**
   * Reads a UUID from a stored value: binary subtype 4 of 16 bytes, or a string in canonical form.
   * Anything else (including legacy subtype 3, whose byte order is driver-specific) is not a UUID.
   */
  public static Optional<UUID> fromBson(BsonValue value) {
    if (value == null) {
      return Optional.empty();
    }
    if (value.isBinary()) {
      return fromBinary(value.asBinary());
    }
    if (value.isString()) {
      return parse(value.asString().getValue());
    }
    return Optional.empty();
  }

  /** A UUID from binary subtype 4 of exactly 16 bytes; empty for any other binary. */
  public static Optional<UUID> fromBinary(BsonBinary binary) {
    if (binary.getType() != BsonBinarySubType.UUID_STANDARD.getValue()
        || binary.getData().length != 16) {
      return Optional.empty();
    }
    ByteBuffer bytes = ByteBuffer.wrap(binary.getData());
    return Optional.of(new UUID(bytes.getLong(), bytes.getLong()));
  }
}
