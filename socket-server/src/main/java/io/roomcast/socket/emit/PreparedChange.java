package io.roomcast.socket.emit;

import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.util.RawValue;

/**
 * One change ready to send: the event name, the room, and the two arguments already serialized to
 * UTF-8 JSON. netty-socketio encodes each client's packet with Jackson; a {@link RawValue} over a
 * {@link SerializedString} makes that encoding a copy of these bytes, so the BSON to JSON mapping
 * and the serialization happen once per change however many clients receive it. {@code id} is the
 * change's position: its resume token's {@code _data}, as in the metadata's {@code id}.
 */
public record PreparedChange(String event, String room, String id, RawValue body, RawValue meta) {

  /** Wraps JSON text so that Jackson writes its UTF-8 bytes, computed here, as they are. */
  public static RawValue preEncoded(String json) {
    SerializedString text = new SerializedString(json);
    text.asUnquotedUTF8(); // computes and caches the bytes now, on the stream's thread
    return new RawValue(text);
  }

  /** The body's JSON text, for tests and logs of sizes. */
  public String bodyJson() {
    return ((SerializedString) body.rawValue()).getValue();
  }

  /** The metadata's JSON text. */
  public String metaJson() {
    return ((SerializedString) meta.rawValue()).getValue();
  }
}
