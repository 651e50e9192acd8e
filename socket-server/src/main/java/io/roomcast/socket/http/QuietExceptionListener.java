package io.roomcast.socket.http;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.listener.ExceptionListenerAdapter;
import io.netty.channel.ChannelHandlerContext;
import io.roomcast.socket.guard.ClientErrorHandler;
import io.roomcast.socket.guard.ProtocolErrorLog;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * netty-socketio's default listener logs every exception, including a peer resetting its
 * connection, as an ERROR with a stack trace. Connection failures are a client's business (DEBUG);
 * anything else is one rate-limited WARN line naming the client and the exception's class, with the
 * trace only at DEBUG.
 */
public final class QuietExceptionListener extends ExceptionListenerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(QuietExceptionListener.class);

  @Override
  public void onEventException(Exception e, List<Object> args, SocketIOClient client) {
    warn("handling an event", e, client);
  }

  @Override
  public void onConnectException(Exception e, SocketIOClient client) {
    warn("a connect", e, client);
  }

  @Override
  public void onDisconnectException(Exception e, SocketIOClient client) {
    warn("a disconnect", e, client);
  }

  @Override
  public void onAuthException(Throwable e, SocketIOClient client) {
    warn("an authorization", e, client);
  }

  @Override
  public boolean exceptionCaught(ChannelHandlerContext ctx, Throwable e) {
    ClientErrorHandler.report(ctx, e);
    return true; // handled: the rest of that payload is dropped, the connection stays
  }

  /**
   * One rate-limited line with the client and the exception's class: its message may quote input.
   */
  private static void warn(String during, Throwable e, SocketIOClient client) {
    ProtocolErrorLog.shared()
        .warn(
            client == null ? null : client.getRemoteAddress(),
            "error during " + during + ": " + ProtocolErrorLog.kindOf(e));
    LOG.debug("error during {}", during, e);
  }
}
