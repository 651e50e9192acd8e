package io.roomcast.backend.http;

import io.javalin.http.Context;
import io.javalin.http.Header;

/**
 * A reply sent without reading the request body to its end (a refusal by path, method or content
 * type, a body far over the limit) says {@code Connection: close}. Jetty cannot reuse such a
 * connection, and without the header a keep-alive client would send its next request on a
 * connection that is about to close, and lose it. Whether the body was read is recorded by the one
 * reader, {@link JsonBodies}: asking the servlet stream would make Jetty send {@code 100 Continue}
 * to a client that announced a body it need not send.
 */
public final class UnreadBodies {
  private static final String READ = UnreadBodies.class.getName() + ".read";

  private UnreadBodies() {}

  /** Records that the request body was read to its end. */
  static void markRead(Context ctx) {
    ctx.attribute(READ, Boolean.TRUE);
  }

  /** Runs after every handler, before the reply is written. */
  public static void closeIfUnread(Context ctx) {
    boolean hasBody =
        ctx.req().getContentLengthLong() > 0 || ctx.header(Header.TRANSFER_ENCODING) != null;
    if (hasBody && ctx.attribute(READ) == null) {
      ctx.header(Header.CONNECTION, "close");
    }
  }
}
