package io.roomcast.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import org.junit.jupiter.api.Test;

class StartupTest {
  @Test
  void theFailureAndItsRootCauseAreWhatAnOperatorSees() {
    RuntimeException wrapped =
        new IllegalStateException(
            "cannot listen on 0.0.0.0:8083",
            new UncheckedIOException(new BindException("Address already in use")));
    assertEquals(
        "cannot listen on 0.0.0.0:8083 (BindException: Address already in use)",
        Startup.rootMessage(wrapped));
  }

  @Test
  void aCauseAlreadyInTheMessageIsNotRepeated() {
    RuntimeException wrapped =
        new IllegalStateException(
            "cannot listen (BindException: Address already in use)",
            new BindException("Address already in use"));
    assertEquals(
        "cannot listen (BindException: Address already in use)", Startup.rootMessage(wrapped));
  }

  @Test
  void aFailureWithoutMessageIsNamedByItsType() {
    assertEquals("IOException", Startup.rootMessage(new IOException()));
  }

  @Test
  void successfulStartsPassThrough() {
    assertEquals("ok", Startup.startOrExit("test", () -> "ok"));
    assertEquals(7, Startup.configOrExit("test", () -> 7));
  }
}
