package io.roomcast.common.origin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.common.config.InvalidValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedOriginsTest {
  private final AllowedOrigins origins =
      AllowedOrigins.parse(List.of("http://localhost:8082", "https://app.example:443"));

  @Test
  void matchesInNormalForm() {
    assertTrue(origins.allows("http://localhost:8082"));
    assertTrue(origins.allows("HTTP://LOCALHOST:8082"));
    assertTrue(origins.allows("https://app.example"), "default port dropped on both sides");
  }

  @Test
  void refusesEverythingElse() {
    assertFalse(origins.allows("http://localhost:8083"));
    assertFalse(origins.allows("https://localhost:8082"));
    assertFalse(origins.allows("http://app.example"));
    assertFalse(origins.allows("null"));
    assertFalse(origins.allows("http://localhost:8082.evil.example"));
    assertFalse(origins.allows(""));
  }

  @Test
  void starAllowsAny() {
    AllowedOrigins any = AllowedOrigins.parse(List.of("*"));
    assertTrue(any.allows("http://anything:1"));
    assertTrue(any.allows("null"));
  }

  @Test
  void refusesAnItemThatIsNotAnOriginNamingIt() {
    InvalidValue error =
        assertThrows(
            InvalidValue.class, () -> AllowedOrigins.parse(List.of("http://ok:1", "localhost:1")));
    assertEquals("localhost:1", error.value());
    assertThrows(InvalidValue.class, () -> AllowedOrigins.parse(List.of("*", "http://ok:1")));
  }
}
