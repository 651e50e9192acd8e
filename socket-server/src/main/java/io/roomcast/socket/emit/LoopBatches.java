package io.roomcast.socket.emit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.MultithreadEventExecutorGroup;
import java.util.Arrays;

/**
 * The websocket channels of one delivery, grouped by event loop and by wire format (with or without
 * the recovery offset), so that each loop gets one {@link FrameWrites} task. A server has a handful
 * of event loops, so they are found by a linear search. Local to one delivery call.
 */
final class LoopBatches {
  private static final int INITIAL_LOOPS = 4;

  private final int capacity;
  private EventLoop[] loops = new EventLoop[INITIAL_LOOPS];
  private Channel[][] plain = new Channel[INITIAL_LOOPS][];
  private Channel[][] withOffset = new Channel[INITIAL_LOOPS][];
  private int[] plainCounts = new int[INITIAL_LOOPS];
  private int[] offsetCounts = new int[INITIAL_LOOPS];
  private int loopCount;
  private int plainTotal;
  private int offsetTotal;

  /**
   * @param capacity the most channels one loop can get (the number of clients)
   */
  LoopBatches(int capacity) {
    this.capacity = capacity;
  }

  void add(Channel channel, boolean offset) {
    int loop = indexOf(channel.eventLoop());
    if (offset) {
      withOffset[loop] = append(withOffset[loop], offsetCounts[loop]++, channel);
      offsetTotal++;
    } else {
      plain[loop] = append(plain[loop], plainCounts[loop]++, channel);
      plainTotal++;
    }
  }

  boolean isEmpty() {
    return plainTotal + offsetTotal == 0;
  }

  boolean anyPlain() {
    return plainTotal > 0;
  }

  boolean anyWithOffset() {
    return offsetTotal > 0;
  }

  /** The channels grouped for {@code loop} so far (both formats). */
  int channelsOf(EventLoop loop) {
    for (int i = 0; i < loopCount; i++) {
      if (loops[i] == loop) {
        return plainCounts[i] + offsetCounts[i];
      }
    }
    return 0;
  }

  /** One task per event loop, each holding its own reference to the frames it writes. */
  void dispatch(ByteBuf plainFrame, ByteBuf offsetFrame) {
    for (int i = 0; i < loopCount; i++) {
      loops[i].execute(
          new FrameWrites(
              loops[i],
              plainFrame,
              plain[i],
              plainCounts[i],
              offsetFrame,
              withOffset[i],
              offsetCounts[i]));
    }
  }

  private int indexOf(EventLoop loop) {
    for (int i = 0; i < loopCount; i++) {
      if (loops[i] == loop) {
        return i;
      }
    }
    if (loopCount == loops.length) {
      int grown = loopCount * 2;
      loops = Arrays.copyOf(loops, grown);
      plain = Arrays.copyOf(plain, grown);
      withOffset = Arrays.copyOf(withOffset, grown);
      plainCounts = Arrays.copyOf(plainCounts, grown);
      offsetCounts = Arrays.copyOf(offsetCounts, grown);
    }
    loops[loopCount] = loop;
    return loopCount++;
  }

  /** Starts at the loop's expected share of the clients and doubles past it (rarely). */
  private Channel[] append(Channel[] channels, int index, Channel channel) {
    if (channels == null) {
      channels = new Channel[expectedShare(channel)];
    } else if (index == channels.length) {
      channels = Arrays.copyOf(channels, Math.min(capacity, index * 2));
    }
    channels[index] = channel;
    return channels;
  }

  /**
   * Netty spreads channels over a group's loops in turn, so a loop holds about its share of a room:
   * that plus a quarter and a few, so the arrays of one delivery add up to little more than one
   * reference per client however many loops there are.
   */
  private int expectedShare(Channel channel) {
    int loops =
        channel.eventLoop().parent() instanceof MultithreadEventExecutorGroup group
            ? group.executorCount()
            : 1;
    return Math.min(capacity, capacity / loops + capacity / (4 * loops) + 8);
  }
}
