package io.roomcast.backend.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FieldNamesTest {
  @Test
  void ordinaryNamesAreAllowed() {
    for (String name : new String[] {"a", "data", "price$", "_id", "ünïcode", "with space"}) {
      assertTrue(FieldNames.problem(name).isEmpty(), name);
    }
  }

  @Test
  void namesMongoDbWouldMisreadAreRefused() {
    assertEquals(Optional.of("must not be empty"), FieldNames.problem(""));
    assertEquals(Optional.of("must not start with '$'"), FieldNames.problem("$set"));
    assertEquals(Optional.of("must not start with '$'"), FieldNames.problem("$"));
    assertEquals(Optional.of("must not contain '.'"), FieldNames.problem(".a"));
    assertEquals(Optional.of("must not contain '.'"), FieldNames.problem("a.b"));
    assertEquals(Optional.of("must not contain '.'"), FieldNames.problem("."));
    assertEquals(Optional.of("must not contain the NUL character"), FieldNames.problem("a\0"));
  }
}
