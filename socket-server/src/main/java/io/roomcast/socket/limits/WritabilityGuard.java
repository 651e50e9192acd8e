package io.roomcast.socket.limits;

import com.corundumstudio.socketio.handler.ClientHead;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AttributeKey;
import java.util.List;
import java.util.UUID;

/**
 * The slow-consumer policy on each connection: Netty marks the channel unwritable once its unsent
 * bytes pass the high water mark ({@code MAX_CLIENT_BUFFER_BYTES}); if it is still unwritable once
 * those bytes are flushed (the kernel did not take them: the client is not reading), the client is
 * dropped and the channel closed, which frees what it held. One instance for all channels; the
 * session a channel's requests name is kept in the channel's attributes.
 */
@Sharable
final class WritabilityGuard extends ChannelInboundHandlerAdapter {
  /** The session a poll or websocket upgrade on the channel named (no ClientHead is attached). */
  private static final AttributeKey<UUID> NAMED_SESSION =
      AttributeKey.valueOf(WritabilityGuard.class, "namedSession");

  private final ClientDropper dropper;
  private final String reason;

  WritabilityGuard(ClientDropper dropper, int maxBytes) {
    this.dropper = dropper;
    this.reason = "unsent data over MAX_CLIENT_BUFFER_BYTES=" + maxBytes + " (client not reading)";
  }

  /** Notes the session a poll or websocket upgrade names, to name it when dropping. */
  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest request) {
      List<String> sid = new QueryStringDecoder(request.uri()).parameters().get("sid");
      if (sid != null && !sid.isEmpty()) {
        ctx.channel().attr(NAMED_SESSION).set(parse(sid.get(0)));
      }
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (!ctx.channel().isWritable()) {
      // Runs after the current task, so after the write that made it so; it flushes before judging.
      ctx.executor().execute(() -> dropIfStillUnwritable(ctx.channel()));
    }
    ctx.fireChannelWritabilityChanged();
  }

  private void dropIfStillUnwritable(Channel channel) {
    if (!channel.isActive()) {
      return;
    }
    channel.flush(); // shared event frames are flushed after a batch of writes (emit/LoopFlushes)
    if (channel.isWritable()) {
      return;
    }
    ClientHead handshaken = channel.attr(ClientHead.CLIENT).get();
    if (handshaken != null) {
      dropper.drop(handshaken, reason);
    } else {
      dropper.drop(channel.attr(NAMED_SESSION).get(), channel.remoteAddress(), reason);
    }
    channel.close();
  }

  private static UUID parse(String sid) {
    try {
      return UUID.fromString(sid);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
