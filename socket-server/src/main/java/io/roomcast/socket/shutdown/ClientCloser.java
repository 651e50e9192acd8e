package io.roomcast.socket.shutdown;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import com.corundumstudio.socketio.transport.NamespaceClient;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Closes every client with Engine.IO's own {@code close} packet, then closes its connection. Unlike
 * a Socket.IO {@code disconnect} ("io server disconnect", after which clients do not come back),
 * clients read this as the transport closing ("transport close"; the Java client, whose WebSocket
 * library reports the closed connection as a failure, says "transport error"), and every Socket.IO
 * client reconnects at once, through the load balancer, to another node.
 */
public final class ClientCloser {
  private ClientCloser() {}

  /**
   * Sends the close to every client and waits, until {@code deadline} (System.nanoTime), for the
   * packets to be written.
   *
   * @return how many clients were closed
   */
  public static int closeAll(SocketIOServer server, long deadline) throws InterruptedException {
    List<ChannelFuture> writes = new ArrayList<>();
    int closed = 0;
    for (SocketIOClient client : server.getAllClients()) {
      ChannelFuture write = close(client);
      if (write != null) {
        writes.add(write);
      }
      closed++;
    }
    for (ChannelFuture write : writes) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !write.await(left, TimeUnit.NANOSECONDS)) {
        break;
      }
    }
    return closed;
  }

  /**
   * Closes one client as {@link #closeAll} does (it reconnects at once); the write of the close
   * packet, or null when the client had no channel.
   */
  public static ChannelFuture close(SocketIOClient client) {
    ClientHead head = ((NamespaceClient) client).getBaseClient();
    ChannelFuture write = head.send(new Packet(PacketType.CLOSE, client.getEngineIOVersion()));
    if (write != null) {
      write.addListener(ChannelFutureListener.CLOSE);
    }
    // Ends the session now: its rooms are left, and a poll that comes later finds no session.
    head.onChannelDisconnect();
    return write;
  }

  /** What is left of a deadline, never negative. */
  public static Duration left(long deadline) {
    return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
  }
}
