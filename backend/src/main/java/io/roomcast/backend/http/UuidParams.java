package io.roomcast.backend.http;

import io.javalin.http.BadRequestResponse;
import io.roomcast.common.uuid.Uuids;
import java.util.UUID;

/** UUIDs given by clients, in a path or a body, in the canonical 8-4-4-4-12 form only. */
public final class UuidParams {
  private UuidParams() {}

  /** The UUID, or a 400 naming where it came from and the form expected. */
  public static UUID parse(String text, String where) {
    return Uuids.parse(text)
        .orElseThrow(
            () ->
                new BadRequestResponse(
                    "invalid UUID in "
                        + where
                        + ": expected the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx (hexadecimal)"));
  }
}
