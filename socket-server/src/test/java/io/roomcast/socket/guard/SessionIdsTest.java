package io.roomcast.socket.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionIdsTest {
  @Test
  void anIssuedSidParses() {
    UUID sid = UUID.randomUUID();
    assertEquals(sid, SessionIds.parse(sid.toString()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1-1-1-1-1",
        "0B6C2A3E-2C4F-4F0E-9D1A-3F5E7C9B1D2F",
        "0b6c2a3e-2c4f-4f0e-9d1a-3f5e7c9b1d2",
        "0b6c2a3e-2c4f-4f0e-9d1a-3f5e7c9b1d2ff",
        "0b6c2a3e+2c4f-4f0e-9d1a-3f5e7c9b1d2f",
        "０b6c2a3e-2c4f-4f0e-9d1a-3f5e7c9b1d2f"
      })
  void anythingElseIsNone(String sid) {
    assertEquals(SessionIds.NONE, SessionIds.parse(sid));
  }
}
