package io.roomcast.socket.limits;

import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.messages.PacketsMessage;
import com.corundumstudio.socketio.protocol.Packet;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.OptionalInt;

/**
 * Bounds binary attachments: netty-socketio keeps a binary packet and every frame after it, as an
 * attachment, until as many as the packet announced have arrived (2^31-1 if the client says so).
 * Placed in front of its packet handler, this looks, after each message was decoded, at the packet
 * still waiting for attachments; one announcing more than {@code MAX_ATTACHMENTS} is discarded and
 * the client dropped. If the announced count cannot be read, a packet that has received the limit
 * and still waits is treated the same, so at most the limit's worth of frames is ever kept.
 */
@Sharable
final class AttachmentGuard extends ChannelInboundHandlerAdapter {
  private final ClientDropper dropper;
  private final int maxAttachments;
  private final String reason;

  AttachmentGuard(ClientDropper dropper, int maxAttachments) {
    this.dropper = dropper;
    this.maxAttachments = maxAttachments;
    this.reason = "a packet announced more than MAX_ATTACHMENTS=" + maxAttachments + " attachments";
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof PacketsMessage message)) {
      ctx.fireChannelRead(msg);
      return;
    }
    ClientHead client = message.getClient();
    ctx.fireChannelRead(msg); // decoded and handled synchronously by netty-socketio
    Packet waiting = client.getLastBinaryPacket();
    if (waiting != null && overLimit(waiting)) {
      client.setLastBinaryPacket(null);
      dropper.drop(client, reason);
      ctx.channel().close();
    }
  }

  private boolean overLimit(Packet waiting) {
    OptionalInt announced = SocketIoInternals.announcedAttachments(waiting);
    if (announced.isEmpty()) {
      return waiting.getAttachments().size() >= maxAttachments;
    }
    return announced.getAsInt() < 0 || announced.getAsInt() > maxAttachments;
  }
}
