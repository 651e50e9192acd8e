package io.roomcast.socket.emit;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.transport.NamespaceClient;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.roomcast.socket.deflate.CompressionSettings;
import io.roomcast.socket.deflate.PerMessageDeflate;
import io.roomcast.socket.limits.SocketIoInternals;
import java.util.Collection;

/**
 * Encodes a change once per wire format ({@link EventFrames}) and writes the same bytes to every
 * websocket client: the clients are grouped by the event loop of their channel, and each loop gets
 * one task that writes a retained duplicate of the frame to each of its channels and flushes it
 * ({@link FrameWrites}). No packet, no encoding and no cross-thread task per client. Clients whose
 * current transport is polling (or whose websocket cannot be reached) keep netty-socketio's bounded
 * packet queue through {@link PerClientDelivery}. With {@code WS_COMPRESSION=shared}, each frame
 * also gets one compressed form ({@link CompressedFrames}) when some client of the room negotiated
 * permessage-deflate, and those clients get it: still one encoding per change, never per client.
 *
 * <p>Order: a client's frames are written by tasks on its event loop in the order of the calls. A
 * packet netty-socketio sends the same client afterwards (an ack) goes through its packet queue,
 * which an older write of netty-socketio's still waiting on the loop would drain ahead of these
 * frames; {@link #afterWrites} runs the sending on the client's loop, after the frames.
 */
public final class SharedFrameDelivery implements ChangeDelivery {
  private final boolean recoveryOffset;
  private final PerClientDelivery packets;
  private final ByteBufAllocator allocator;
  private final CompressedFrames compression;

  /**
   * @param recoveryOffset whether Engine.IO v4 clients get the change's id as a last argument (the
   *     Socket.IO connection-state-recovery offset)
   */
  public SharedFrameDelivery(boolean recoveryOffset, CompressionSettings compression) {
    this.recoveryOffset = recoveryOffset;
    this.packets = new PerClientDelivery(recoveryOffset);
    // Pooled: each channel's retained duplicate of a pooled buffer is a recycled object, so a write
    // allocates nothing (Netty 4.2's default allocator makes a new duplicate per call).
    this.allocator = PooledByteBufAllocator.DEFAULT;
    this.compression =
        compression.shared() ? new CompressedFrames(compression.minBytes(), allocator) : null;
  }

  @Override
  public void deliver(PreparedChange change, Collection<SocketIOClient> clients) {
    LoopBatches batches = new LoopBatches(clients.size());
    boolean deflate = false;
    for (SocketIOClient client : clients) {
      Channel channel = websocketOf(client);
      if (channel == null) {
        packets.send(client, change);
      } else {
        batches.add(channel, recoveryOffset && client.getEngineIOVersion() == EngineIOVersion.V4);
        deflate |= compression != null && PerMessageDeflate.negotiated(channel);
      }
    }
    if (batches.isEmpty()) {
      return;
    }
    ByteBuf plain = batches.anyPlain() ? EventFrames.frame(change, false, allocator) : null;
    ByteBuf withOffset =
        batches.anyWithOffset() ? EventFrames.frame(change, true, allocator) : null;
    ByteBuf plainDeflated = deflate ? compression.compress(plain) : null;
    ByteBuf offsetDeflated = deflate ? compression.compress(withOffset) : null;
    try {
      batches.dispatch(plain, plainDeflated, withOffset, offsetDeflated);
    } finally {
      release(plain);
      release(withOffset);
      release(plainDeflated);
      release(offsetDeflated);
    }
  }

  @Override
  public void afterWrites(SocketIOClient client, Runnable task) {
    Channel channel = websocketOf(client);
    if (channel == null) {
      task.run(); // polling: the packet queue keeps the order
    } else {
      channel.eventLoop().execute(task); // after the frame writes this thread queued there
    }
  }

  private static Channel websocketOf(SocketIOClient client) {
    return client instanceof NamespaceClient connected
        ? SocketIoInternals.websocketChannel(connected.getBaseClient())
        : null;
  }

  private static void release(ByteBuf frame) {
    if (frame != null) {
      frame.release();
    }
  }
}
