package io.roomcast.socket.guard;

import com.corundumstudio.socketio.messages.PacketsMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Hands netty-socketio's packet decoder a heap copy of each payload. Its decoder copies every
 * packet that precedes a record separator (0x1e) into a new buffer of the payload's allocator and
 * never releases it: with the server's pooled direct buffers, any payload holding a 0x1e (a v4
 * client's batched polling POST, or a stray byte) would leak pool memory and make Netty log a LEAK
 * ERROR. Copies of an unpooled heap buffer are plain heap memory that the GC reclaims.
 */
@Sharable
public final class HeapPayloads extends ChannelInboundHandlerAdapter {
  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof PacketsMessage packets)) {
      ctx.fireChannelRead(msg);
      return;
    }
    ByteBuf heap = Unpooled.copiedBuffer(packets.getContent());
    try {
      // Decoded synchronously, as the transports' own messages are; they release the original.
      ctx.fireChannelRead(new PacketsMessage(packets.getClient(), heap, packets.getTransport()));
    } finally {
      heap.release();
    }
  }
}
