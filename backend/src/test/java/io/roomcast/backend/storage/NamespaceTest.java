package io.roomcast.backend.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamespaceTest {
  @Test
  void theCollectionMayContainDots() {
    assertEquals(Optional.of(new Namespace("app", "a.b")), Namespace.parse("app.a.b"));
    assertEquals("app.a.b", Namespace.parse("app.a.b").orElseThrow().toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"app", ".test", "app.", "a b.c", "a$.c", "app.system.users", "app.x$y", "a/b.c"})
  void invalidNamesAreRefused(String text) {
    assertTrue(Namespace.parse(text).isEmpty(), text);
  }
}
