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
 * packet queue through {@link PerClientDelivery}. With {@code WS_COMPRESSION=shared}, the clients
 * that negotiated permessage-deflate are batched apart and get each frame's compressed form, made
 * once ({@link CompressedFrames}): still one encoding per change, never one per client.
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
    LoopBatches deflating = compression == null ? null : new LoopBatches(clients.size());
    for (SocketIOClient client : clients) {
      Channel channel = websocketOf(client);
      if (channel == null) {
        packets.send(client, change);
      } else {
        LoopBatches batch =
            deflating != null && PerMessageDeflate.negotiated(channel) ? deflating : batches;
        batch.add(channel, recoveryOffset && client.getEngineIOVersion() == EngineIOVersion.V4);
      }
    }
    boolean anyPlain = batches.anyPlain() || deflating != null && deflating.anyPlain();
    boolean anyOffset = batches.anyWithOffset() || deflating != null && deflating.anyWithOffset();
    if (!anyPlain && !anyOffset) {
      return;
    }
    ByteBuf plain = anyPlain ? EventFrames.frame(change, false, allocator) : null;
    ByteBuf withOffset = anyOffset ? EventFrames.frame(change, true, allocator) : null;
    try {
      batches.dispatch(plain, withOffset);
      if (deflating != null) {
        compression.dispatch(deflating, plain, withOffset);
      }
    } finally {
      release(plain);
      release(withOffset);
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
