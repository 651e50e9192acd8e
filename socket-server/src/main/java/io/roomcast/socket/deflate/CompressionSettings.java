package io.roomcast.socket.deflate;

import io.roomcast.common.config.InvalidValue;
import io.roomcast.common.config.Setting;
import io.roomcast.common.config.Settings;
import java.util.List;
import java.util.Locale;

/**
 * Websocket compression (permessage-deflate), off unless a deployer turns it on.
 *
 * @param shared {@code WS_COMPRESSION=shared}: clients that offer permessage-deflate get each event
 *     compressed once for all of them (never per client)
 * @param minBytes {@code WS_COMPRESSION_MIN_BYTES}: messages shorter than this go uncompressed
 */
public record CompressionSettings(boolean shared, int minBytes) {
  /** socket.io's (engine.io's perMessageDeflate) threshold: smaller messages gain too little. */
  public static final int DEFAULT_MIN_BYTES = 1024;

  public static final Setting<Boolean> WS_COMPRESSION =
      Setting.string(
              "WS_COMPRESSION",
              "off",
              "permessage-deflate for websocket clients that offer it: `off` (as socket.io), or "
                  + "`shared`: each event is compressed once and the same frame goes to every "
                  + "such client (docs/security.md)")
          .map(CompressionSettings::mode);
  public static final Setting<Integer> WS_COMPRESSION_MIN_BYTES =
      Setting.integer(
          "WS_COMPRESSION_MIN_BYTES",
          DEFAULT_MIN_BYTES,
          0,
          16 * 1024 * 1024,
          "with `WS_COMPRESSION=shared`, messages shorter than this many bytes are sent "
              + "uncompressed");

  public static final List<Setting<?>> SETTINGS = List.of(WS_COMPRESSION, WS_COMPRESSION_MIN_BYTES);

  public static final CompressionSettings OFF = new CompressionSettings(false, DEFAULT_MIN_BYTES);

  public static CompressionSettings from(Settings settings) {
    return new CompressionSettings(
        WS_COMPRESSION.read(settings), WS_COMPRESSION_MIN_BYTES.read(settings));
  }

  private static boolean mode(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "off" -> false;
      case "shared" -> true;
      default -> throw new InvalidValue(value, "off or shared");
    };
  }

  @Override
  public String toString() {
    return shared ? "shared (from " + minBytes + " bytes)" : "off";
  }
}
