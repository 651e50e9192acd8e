package io.roomcast.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import org.junit.jupiter.api.Test;

class StartupTest {
  @Test
  void theRootCauseIsWhatAnOperatorSees() {
    RuntimeException wrapped =
        new IllegalStateException(
            "start failed", new UncheckedIOException(new BindException("Address already in use")));
    assertEquals("Address already in use", Startup.rootMessage(wrapped));
  }

  @Test
  void aCauseWithoutMessageIsNamedByItsType() {
    assertEquals("IOException", Startup.rootMessage(new UncheckedIOException(new IOException())));
  }

  @Test
  void successfulStartsPassThrough() {
    assertEquals("ok", Startup.startOrExit("test", () -> "ok"));
    assertEquals(7, Startup.configOrExit("test", () -> 7));
  }
}
