package io.roomcast.socket.auth;

import com.corundumstudio.socketio.HandshakeData;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import java.util.List;
import java.util.Map;

/**
 * Where a client presents its token, first found wins: the Socket.IO v4 handshake's {@code auth:
 * {token}}, an {@code Authorization: Bearer} header, the httpOnly cookie named by {@code
 * ROOM_AUTH_COOKIE}, the {@code token} query parameter (v2/v3 clients have no auth payload).
 */
final class HandshakeTokens {
  static final String QUERY_PARAMETER = "token";
  private static final String BEARER = "Bearer ";

  private final String cookieName;

  HandshakeTokens(String cookieName) {
    this.cookieName = cookieName;
  }

  /** The token, or null when the client presented none. */
  String find(Object authPayload, HandshakeData handshake) {
    if (authPayload instanceof Map<?, ?> auth && auth.get("token") instanceof String token) {
      return token;
    }
    String authorization = handshake.getHttpHeaders().get(HttpHeaderNames.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return authorization.substring(BEARER.length()).trim();
    }
    String cookies = handshake.getHttpHeaders().get(HttpHeaderNames.COOKIE);
    if (cookies != null) {
      for (Cookie cookie : ServerCookieDecoder.LAX.decode(cookies)) {
        if (cookie.name().equals(cookieName)) {
          return cookie.value();
        }
      }
    }
    List<String> query = handshake.getUrlParams().get(QUERY_PARAMETER);
    return query == null || query.isEmpty() ? null : query.get(0);
  }
}
