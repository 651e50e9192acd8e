package io.roomcast.socket.guard;

import com.corundumstudio.socketio.Configuration;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.UUID;

/**
 * How the server's own sid reaches netty-socketio, which offers no hook for it: 2.0.14's
 * AuthorizeHandler takes either {@code UUID.randomUUID()} or, with {@code randomSession} off, the
 * value of a single {@code io} request header (else the {@code io} cookie). So randomSession is off
 * and the guard, ahead of AuthorizeHandler on every request, removes any {@code io} header a client
 * sent and, on a handshake, sets exactly one carrying the sid it issued; a client's {@code io}
 * cookie is never reached, since the header always comes first. {@code
 * SessionIdHeaderInternalsTest} fails if netty-socketio stops taking the header.
 */
final class SessionIdHeader {
  static final String NAME = "io";

  private SessionIdHeader() {}

  /** Makes netty-socketio take the sid from the header; call when building its configuration. */
  static void configure(Configuration configuration) {
    configuration.setRandomSession(false);
  }

  /** Removes what a client sent as an {@code io} header; call on every request. */
  static void strip(HttpHeaders headers) {
    headers.remove(NAME);
  }

  /** Hands netty-socketio the sid to create this handshake's session with. */
  static void issue(HttpHeaders headers, UUID sid) {
    headers.set(NAME, sid.toString());
  }
}
