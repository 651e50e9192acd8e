package io.roomcast.common.uuid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UuidsTest {
  private static final String TEXT = "3b241101-e2bb-4255-8caf-4136c566a962";

  @Test
  void parsesCanonicalFormInEitherCase() {
    assertEquals(UUID.fromString(TEXT), Uuids.parse(TEXT).orElseThrow());
    assertEquals(UUID.fromString(TEXT), Uuids.parse(TEXT.toUpperCase()).orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1-2-3-4-5",
        "3b241101e2bb42558caf4136c566a962",
        "3b241101-e2bb-4255-8caf-4136c566a96",
        "3b241101-e2bb-4255-8caf-4136c566a9622",
        "3b241101-e2bb-4255-8caf_4136c566a962",
        "zb241101-e2bb-4255-8caf-4136c566a962",
        "{3b241101-e2bb-4255-8caf-4136c566a96}"
      })
  void rejectsAnythingElse(String text) {
    assertTrue(Uuids.parse(text).isEmpty(), text);
  }

  /** Digits and letters Character.digit (and so UUID.fromString) takes for hexadecimal. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "\uff13", // fullwidth digit three
        "\u0663", // arabic-indic digit three
        "\u06f3", // extended arabic-indic digit three
        "\u0969", // devanagari digit three
        "\uff42", // fullwidth small b
        "\uff22", // fullwidth capital B
        "\uD835\uDFF9", // mathematical monospace digit three (a surrogate pair)
        "g",
        "G",
        " ",
        "+"
      })
  void rejectsNonAsciiOrNonHexDigits(String digit) {
    for (int at : new int[] {0, 9, 35}) {
      String text = TEXT.substring(0, at) + digit + TEXT.substring(at + 1);
      assertTrue(Uuids.parse(text).isEmpty(), text);
    }
  }

  @Test
  void parsesEveryHexDigitToTheSameValueAsTheJdk() {
    String all = "01234567-89ab-cdef-ABCD-EF0123456789";
    assertEquals(UUID.fromString(all), Uuids.parse(all).orElseThrow());
    UUID random = UUID.randomUUID();
    assertEquals(random, Uuids.parse(random.toString()).orElseThrow());
    assertEquals(random, Uuids.parse(random.toString().toUpperCase()).orElseThrow());
  }

  @Test
  void roundTripsThroughStandardBinary() {
    UUID uuid = UUID.fromString(TEXT);
    BsonBinary binary = Uuids.toBinary(uuid);
    assertEquals(BsonBinarySubType.UUID_STANDARD.getValue(), binary.getType());
    assertEquals(uuid, Uuids.fromBson(binary).orElseThrow());
    assertEquals(TEXT, Uuids.roomName(uuid));
  }

  @Test
  void readsStringsButNotLegacyBinaryOrOtherTypes() {
    assertEquals(UUID.fromString(TEXT), Uuids.fromBson(new BsonString(TEXT)).orElseThrow());
    byte[] sixteen = Uuids.toBinary(UUID.fromString(TEXT)).getData();
    assertTrue(Uuids.fromBson(new BsonBinary(BsonBinarySubType.UUID_LEGACY, sixteen)).isEmpty());
    assertTrue(
        Uuids.fromBson(new BsonBinary(BsonBinarySubType.UUID_STANDARD, new byte[8])).isEmpty());
    assertTrue(Uuids.fromBson(new BsonInt32(4)).isEmpty());
    assertTrue(Uuids.fromBson(new BsonString("not-a-uuid")).isEmpty());
    assertTrue(Uuids.fromBson(null).isEmpty());
  }
}
