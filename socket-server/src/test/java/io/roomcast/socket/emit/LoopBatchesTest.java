package io.roomcast.socket.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.Channel;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoop;
import io.netty.channel.local.LocalChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Channels are grouped by their event loop and wire format, whatever the spread: a loop holding far
 * more than its expected share of a room grows its list and loses none.
 */
class LoopBatchesTest {
  private final DefaultEventLoopGroup group = new DefaultEventLoopGroup(4);
  private final List<Channel> channels = new ArrayList<>();

  @AfterEach
  void stop() {
    channels.forEach(Channel::close);
    group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private Channel on(EventLoop loop) {
    Channel channel = new LocalChannel();
    loop.register(channel).syncUninterruptibly();
    channels.add(channel);
    return channel;
  }

  @Test
  void everyChannelLandsInItsLoopsBatch() {
    EventLoop crowded = group.next();
    EventLoop other = group.next();
    LoopBatches batches = new LoopBatches(103);
    assertTrue(batches.isEmpty());
    for (int i = 0; i < 100; i++) {
      batches.add(on(crowded), i % 2 == 0);
    }
    for (int i = 0; i < 3; i++) {
      batches.add(on(other), false);
    }
    assertEquals(100, batches.channelsOf(crowded));
    assertEquals(3, batches.channelsOf(other));
    assertFalse(batches.isEmpty());
    assertTrue(batches.anyPlain());
    assertTrue(batches.anyWithOffset());
  }
}
