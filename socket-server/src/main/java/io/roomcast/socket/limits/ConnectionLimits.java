package io.roomcast.socket.limits;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.namespace.Namespace;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.WriteBufferWaterMark;
import io.roomcast.socket.config.SocketServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-client memory bounds, wired into netty-socketio: Netty's write-buffer water marks
 * (counting what buffers hold, {@link HeldBytesEstimator}) and {@link WritabilityGuard} for every
 * connection, {@link MeteredPacketQueue} for polling clients' queues, and {@link AttachmentGuard}.
 * docs/security.md describes each limit.
 */
public final class ConnectionLimits {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimits.class);

  static final String WRITABILITY_GUARD = "writabilityGuard";
  static final String ATTACHMENT_GUARD = "attachmentGuard";

  private final ClientDropper dropper;
  private final int maxClientBufferBytes;
  private final WriteBufferWaterMark waterMark;
  private final AttachmentGuard attachmentGuard;
  private final WritabilityGuard writabilityGuard;

  private ConnectionLimits(SocketIOServer server, SocketServerConfig config) {
    this.dropper = new ClientDropper(server.getNamespace(Namespace.DEFAULT_NAME));
    this.maxClientBufferBytes = config.maxClientBufferBytes();
    this.waterMark = new WriteBufferWaterMark(maxClientBufferBytes / 2, maxClientBufferBytes);
    this.writabilityGuard = new WritabilityGuard(dropper, maxClientBufferBytes);
    this.attachmentGuard = new AttachmentGuard(dropper, config.maxAttachments());
  }

  /**
   * Creates the limits; the channel initializer calls {@link #meterPollingQueue} for each new
   * session.
   */
  public static ConnectionLimits register(SocketIOServer server, SocketServerConfig config) {
    ConnectionLimits limits = new ConnectionLimits(server, config);
    if (!SocketIoInternals.available()) {
      LOG.warn(
          "this netty-socketio version hides the fields the polling-queue bound and the attachment"
              + " limit read: MAX_CLIENT_BUFFER_BYTES bounds websocket clients only and"
              + " MAX_ATTACHMENTS is not enforced");
    }
    return limits;
  }

  /** Adds the guards to a new connection's pipeline, in front of netty-socketio's handlers. */
  public void install(ChannelPipeline pipeline) {
    pipeline.channel().config().setWriteBufferWaterMark(waterMark);
    pipeline.channel().config().setMessageSizeEstimator(HeldBytesEstimator.INSTANCE);
    pipeline.addBefore(
        SocketIOChannelInitializer.PACKET_HANDLER, WRITABILITY_GUARD, writabilityGuard);
    pipeline.addBefore(
        SocketIOChannelInitializer.PACKET_HANDLER, ATTACHMENT_GUARD, attachmentGuard);
  }

  /**
   * Bounds a polling session's queue. Call as netty-socketio registers the session, before its
   * first packet is queued and before the client knows its sid: nothing else can touch the queue
   * then. Swapping it later (once it was done at connect) races the client's first packets, which
   * netty-socketio may queue on another event loop meanwhile: a packet added to the old queue after
   * the move is lost, and one moved after a poll found the new queue empty waits for the next ping.
   */
  public void meterPollingQueue(ClientHead head) {
    if (head.getCurrentTransport() == Transport.POLLING) {
      SocketIoInternals.replacePollingQueue(
          head,
          new MeteredPacketQueue(
              maxClientBufferBytes,
              () ->
                  dropper.drop(
                      head,
                      "unsent data over MAX_CLIENT_BUFFER_BYTES="
                          + maxClientBufferBytes
                          + " (client not polling)")));
    }
  }
}
