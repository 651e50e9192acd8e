package io.roomcast.socket.limits;

import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import java.util.AbstractQueue;
import java.util.Collections;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A polling client's packet queue with its unsent bytes counted. netty-socketio keeps the packets
 * of a polling client in a plain queue until the client polls, and has no bound; Netty's
 * write-buffer water marks do not see them, as no channel holds them. Past {@code maxBytes} the
 * queue refuses events, empties itself and tells {@code onOverflow} once (which drops the client);
 * the disconnect packet that follows is still let through.
 */
final class MeteredPacketQueue extends AbstractQueue<Packet> {
  private final Queue<Packet> packets = new ConcurrentLinkedQueue<>();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicBoolean overflowed = new AtomicBoolean();
  private final long maxBytes;
  private final Runnable onOverflow;

  MeteredPacketQueue(long maxBytes, Runnable onOverflow) {
    this.maxBytes = maxBytes;
    this.onOverflow = onOverflow;
  }

  @Override
  public boolean offer(Packet packet) {
    if (overflowed.get()) {
      return packet.getSubType() == PacketType.DISCONNECT && packets.offer(packet);
    }
    if (bytes.addAndGet(PacketSizes.of(packet)) > maxBytes) {
      if (overflowed.compareAndSet(false, true)) {
        packets.clear();
        onOverflow.run();
      }
      return false;
    }
    return packets.offer(packet);
  }

  /** As {@link #offer}: a refused packet is dropped, never an exception in the sender's loop. */
  @Override
  public boolean add(Packet packet) {
    return offer(packet);
  }

  @Override
  public Packet poll() {
    Packet packet = packets.poll();
    if (packet != null && !overflowed.get()) {
      bytes.addAndGet(-PacketSizes.of(packet));
    }
    return packet;
  }

  @Override
  public Packet peek() {
    return packets.peek();
  }

  @Override
  public int size() {
    return packets.size();
  }

  @Override
  public boolean isEmpty() {
    return packets.isEmpty();
  }

  /** Read-only: removing through it would bypass the byte count. */
  @Override
  public Iterator<Packet> iterator() {
    return Collections.unmodifiableCollection(packets).iterator();
  }

  /** Unsent bytes, as estimated by {@link PacketSizes}. */
  long bytes() {
    return bytes.get();
  }
}
