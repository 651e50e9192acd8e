package io.roomcast.socket.http;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.listener.ExceptionListenerAdapter;
import io.netty.channel.ChannelHandlerContext;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * netty-socketio's default listener logs every exception, including a peer resetting its
 * connection, as an ERROR with a stack trace. Connection failures are a client's business (DEBUG);
 * anything else is one WARN line, with the trace only at DEBUG.
 */
public final class QuietExceptionListener extends ExceptionListenerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(QuietExceptionListener.class);

  @Override
  public void onEventException(Exception e, List<Object> args, SocketIOClient client) {
    warn("handling an event", e);
  }

  @Override
  public void onConnectException(Exception e, SocketIOClient client) {
    warn("a connect", e);
  }

  @Override
  public void onDisconnectException(Exception e, SocketIOClient client) {
    warn("a disconnect", e);
  }

  @Override
  public void onAuthException(Throwable e, SocketIOClient client) {
    warn("an authorization", e);
  }

  @Override
  public boolean exceptionCaught(ChannelHandlerContext ctx, Throwable e) {
    if (e instanceof IOException) {
      LOG.debug("connection {} failed: {}", ctx.channel().remoteAddress(), e.toString());
    } else {
      warn("a connection", e);
    }
    return true; // handled: netty-socketio closes the channel
  }

  private static void warn(String during, Throwable e) {
    LOG.warn("error during {}: {}", during, e.toString());
    LOG.debug("error during {}", during, e);
  }
}
