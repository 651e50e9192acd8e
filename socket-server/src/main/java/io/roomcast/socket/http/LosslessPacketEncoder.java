package io.roomcast.socket.http;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;
import java.util.AbstractQueue;
import java.util.Iterator;
import java.util.Queue;

/**
 * netty-socketio's packet encoder without its long-polling loss: a polling response carries at most
 * {@code limit} (50) packets, and netty-socketio 2.0.14 takes the next packet off the queue before
 * it checks the limit, then drops it. So every response of a client with more than 50 packets
 * waiting lost one of them (a replay after a reconnect, a burst into a busy room). Here the encoder
 * is handed a view of the queue that ends after {@code limit} packets, so it stops on an empty poll
 * and the rest wait for the next poll. {@code LosslessPacketEncoderTest} shows the loss with the
 * library's own encoder, so an upstream fix shows up as a failing test.
 */
public final class LosslessPacketEncoder extends PacketEncoder {
  public LosslessPacketEncoder(Configuration configuration) {
    super(configuration, configuration.getJsonSupport());
  }

  @Override
  public void encodePackets(
      Queue<Packet> packets, ByteBuf buffer, ByteBufAllocator allocator, int limit)
      throws IOException {
    super.encodePackets(new FirstPackets(packets, limit), buffer, allocator, limit);
  }

  @Override
  public void encodeJsonP(
      Integer jsonpIndex, Queue<Packet> packets, ByteBuf out, ByteBufAllocator allocator, int limit)
      throws IOException {
    super.encodeJsonP(jsonpIndex, new FirstPackets(packets, limit), out, allocator, limit);
  }

  /** The first {@code limit} packets of a queue, taken from it as they are polled. */
  private static final class FirstPackets extends AbstractQueue<Packet> {
    private final Queue<Packet> packets;
    private int left;

    FirstPackets(Queue<Packet> packets, int limit) {
      this.packets = packets;
      this.left = limit;
    }

    @Override
    public Packet poll() {
      if (left <= 0) {
        return null;
      }
      Packet packet = packets.poll();
      if (packet != null) {
        left--;
      }
      return packet;
    }

    @Override
    public Packet peek() {
      return left <= 0 ? null : packets.peek();
    }

    @Override
    public boolean offer(Packet packet) {
      throw new UnsupportedOperationException("a read-only view for the encoder");
    }

    @Override
    public int size() {
      return Math.min(left, packets.size());
    }

    @Override
    public Iterator<Packet> iterator() {
      throw new UnsupportedOperationException("the encoder only polls");
    }
  }
}
