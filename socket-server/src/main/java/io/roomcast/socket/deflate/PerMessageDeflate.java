package io.roomcast.socket.deflate;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionFilter;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionFilterProvider;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateServerExtensionHandshaker;
import io.netty.util.AttributeKey;

/**
 * permessage-deflate (RFC 7692) as {@code WS_COMPRESSION=shared} offers it, the server-wide part:
 * Netty's handshaker, configured so that every connection that accepts it gets the same terms, and
 * the per-connection {@link DeflateNegotiation} it installs in each pipeline.
 *
 * <p>The terms: the server compresses each message on its own ({@code server_no_context_takeover}),
 * so one compressed event frame is valid on every such connection (emit/CompressedFrames makes it
 * once per change); the client does too ({@code client_no_context_takeover}), so a connection holds
 * no inflater between messages. What a client sends inflates to at most {@code MAX_FRAME} bytes
 * ({@link InflatedLimit}). A client that asks for a smaller server window ({@code
 * server_max_window_bits}) is answered without compression: the JDK's deflater always uses the full
 * window.
 */
public final class PerMessageDeflate {
  private static final AttributeKey<Boolean> NEGOTIATED =
      AttributeKey.valueOf(PerMessageDeflate.class, "negotiated");
  private static final String NEGOTIATION = "deflateNegotiation";
  private static final int COMPRESSION_LEVEL = 6; // zlib's default, as browsers and ws use
  private static final int WINDOW_BITS = PerMessageDeflateServerExtensionHandshaker.MAX_WINDOW_SIZE;

  private final PerMessageDeflateServerExtensionHandshaker handshaker;
  private final int maxMessage;

  /**
   * @param minBytes messages netty-socketio sends (acks, CONNECT) shorter than this are not
   *     compressed, as events are not
   * @param maxMessage MAX_FRAME: the most a client's message may inflate to
   */
  public PerMessageDeflate(int minBytes, int maxMessage) {
    this.maxMessage = maxMessage;
    this.handshaker =
        new PerMessageDeflateServerExtensionHandshaker(
            COMPRESSION_LEVEL,
            false, // server_max_window_bits: refused, see above
            WINDOW_BITS,
            true, // server_no_context_takeover
            true, // client_no_context_takeover
            filters(minBytes),
            // Netty's inflater buffer for one frame stops here; InflatedLimit closes the connection
            maxMessage);
  }

  /** Whether the channel's client accepted permessage-deflate: it may then get RSV1 frames. */
  public static boolean negotiated(Channel channel) {
    return channel.hasAttr(NEGOTIATED);
  }

  /** Adds a connection's negotiation just before netty-socketio's websocket handshake. */
  public void install(ChannelPipeline pipeline) {
    pipeline.addBefore(
        SocketIOChannelInitializer.WEB_SOCKET_TRANSPORT,
        NEGOTIATION,
        new DeflateNegotiation(handshaker, maxMessage));
  }

  static void markNegotiated(Channel channel) {
    channel.attr(NEGOTIATED).set(Boolean.TRUE);
  }

  /**
   * netty-socketio's own frames below {@code minBytes} stay uncompressed; a continuation is never
   * skipped (Netty refuses to skip part of a message it compresses, and passes the continuation of
   * an uncompressed one through as it is).
   */
  private static WebSocketExtensionFilterProvider filters(int minBytes) {
    WebSocketExtensionFilter small =
        frame ->
            !(frame instanceof ContinuationWebSocketFrame)
                && frame.content().readableBytes() < minBytes;
    return new WebSocketExtensionFilterProvider() {
      @Override
      public WebSocketExtensionFilter encoderFilter() {
        return small;
      }

      @Override
      public WebSocketExtensionFilter decoderFilter() {
        return WebSocketExtensionFilter.NEVER_SKIP;
      }
    };
  }
}
