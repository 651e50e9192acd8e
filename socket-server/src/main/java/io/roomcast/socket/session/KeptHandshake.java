package io.roomcast.socket.session;

import com.corundumstudio.socketio.HandshakeData;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.ReadOnlyHttpHeaders;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a session keeps of the request that opened it. netty-socketio keeps the handshake's whole
 * header map, decoded query and URL for the session's lifetime: with a browser's dozen headers,
 * 1.5–3 KB per connection that nobody reads once the handshake is answered. Read later are only
 * {@code Authorization} and {@code Cookie} (the room authorization's token, at the CONNECT and on
 * every webhook call) and the {@code token} query parameter (the token of clients without an auth
 * payload). netty-socketio copies the {@code Origin} header into each packet it sends but never
 * reads it there (its polling answers take the origin of each request), so it goes too.
 *
 * <p>A new session's handshake data gets a compact read-only copy of just those, and its URL's path
 * (one shared string: every session's is the Socket.IO path), as netty-socketio registers the
 * session: before any other thread can know of it, while the request itself, which the transports
 * go on reading, keeps everything. netty-socketio 2.0.14 has no setters, so its private fields are
 * written; without them nothing is trimmed ({@code KeptHandshakeInternalsTest} fails if they move).
 */
public final class KeptHandshake {
  static final List<CharSequence> HEADERS =
      List.of(HttpHeaderNames.AUTHORIZATION, HttpHeaderNames.COOKIE);
  static final String TOKEN_PARAMETER = "token";

  private static final Field HEADERS_FIELD = field("headers");
  private static final Field URL_PARAMS_FIELD = field("urlParams");
  private static final Field URL_FIELD = field("url");

  private KeptHandshake() {}

  /** Whether the fields were found: pinned to this version by a test. */
  static boolean available() {
    return HEADERS_FIELD != null && URL_PARAMS_FIELD != null && URL_FIELD != null;
  }

  /** Replaces the data's headers, query and URL by what is read after the handshake. */
  public static void trim(HandshakeData data) {
    if (!available()) {
      return;
    }
    try {
      HEADERS_FIELD.set(data, kept(data.getHttpHeaders()));
      List<String> token = data.getUrlParams().get(TOKEN_PARAMETER);
      URL_PARAMS_FIELD.set(data, token == null ? Map.of() : Map.of(TOKEN_PARAMETER, token));
      URL_FIELD.set(data, path(data.getUrl()));
    } catch (IllegalAccessException | RuntimeException e) {
      // left as netty-socketio made it: only memory is lost
    }
  }

  private static HttpHeaders kept(HttpHeaders headers) {
    List<CharSequence> pairs = new ArrayList<>(2);
    for (CharSequence name : HEADERS) {
      for (String value : headers.getAll(name)) {
        pairs.add(name);
        pairs.add(value);
      }
    }
    return pairs.isEmpty()
        ? EmptyHttpHeaders.INSTANCE
        : new ReadOnlyHttpHeaders(false, pairs.toArray(new CharSequence[0]));
  }

  /**
   * The URL without its query, interned: netty-socketio opens sessions on its one path only, so
   * every session shares the string.
   */
  private static String path(String url) {
    int query = url == null ? -1 : url.indexOf('?');
    return query < 0 ? url : url.substring(0, query).intern();
  }

  private static Field field(String name) {
    try {
      Field field = HandshakeData.class.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
