package io.roomcast.socket.http;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.scheduler.CancelableScheduler;
import java.lang.reflect.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs a replacement pipeline on a netty-socketio server. SocketIOServer creates its default
 * SocketIOChannelInitializer in a field initializer, and that one creates a HashedWheelTimer which
 * nobody stops once it is replaced: Netty then reports it as a LEAK (an ERROR line) when it is
 * garbage-collected. The timer never started a thread, so stopping it here is all that is needed;
 * netty-socketio offers no accessor, hence the reflection, which only ever costs the cleanup.
 */
public final class PipelineReplacement {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineReplacement.class);

  private PipelineReplacement() {}

  public static void install(SocketIOServer server, SocketIOChannelInitializer replacement) {
    Object replaced = read(server, SocketIOServer.class, "pipelineFactory");
    server.setPipelineFactory(replacement);
    if (replaced instanceof SocketIOChannelInitializer
        && read(replaced, SocketIOChannelInitializer.class, "scheduler")
            instanceof CancelableScheduler scheduler) {
      scheduler.shutdown();
    }
  }

  private static Object read(Object target, Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field.get(target);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.debug("cannot stop netty-socketio's unused default pipeline: {}", e.toString());
      return null;
    }
  }
}
