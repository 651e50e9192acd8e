package io.roomcast.socket.deflate;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionData;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionUtil;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtension;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateServerExtensionHandshaker;
import java.util.HashMap;
import java.util.Map;

/**
 * One connection's permessage-deflate negotiation. It reads the websocket upgrade request's offers
 * before netty-socketio answers it, and when the answer is the 101 it adds the accepted terms to it
 * and, once it is sent, Netty's deflate encoder and decoder and the {@link InflatedLimit}; then it
 * leaves the pipeline. Netty's own WebSocketServerExtensionHandler queues one entry per request it
 * sees, which a connection sending requests that get no answer could grow; this keeps one.
 */
final class DeflateNegotiation extends ChannelDuplexHandler {
  private static final String PERMESSAGE_DEFLATE = "permessage-deflate";
  // RFC 7692 7.1.1: a server may answer these whether the client offered them or not.
  private static final String SERVER_NO_CONTEXT = "server_no_context_takeover";
  private static final String CLIENT_NO_CONTEXT = "client_no_context_takeover";

  private final PerMessageDeflateServerExtensionHandshaker handshaker;
  private final int maxMessage;
  private WebSocketServerExtension accepted;

  DeflateNegotiation(PerMessageDeflateServerExtensionHandshaker handshaker, int maxMessage) {
    this.handshaker = handshaker;
    this.maxMessage = maxMessage;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest request) {
      accepted = accept(request.headers().get(HttpHeaderNames.SEC_WEBSOCKET_EXTENSIONS));
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (!(msg instanceof HttpResponse response)
        || !HttpResponseStatus.SWITCHING_PROTOCOLS.equals(response.status())) {
      ctx.write(msg, promise);
      return;
    }
    WebSocketServerExtension extension = accepted;
    accepted = null;
    if (extension != null) {
      response.headers().set(HttpHeaderNames.SEC_WEBSOCKET_EXTENSIONS, header(extension));
      Channel channel = ctx.channel();
      // Runs before netty-socketio's handshake listener, so before any frame is read or written.
      promise.addListener(
          sent -> {
            if (sent.isSuccess()) {
              install(channel, extension);
            }
          });
    }
    ctx.write(msg, promise);
    ctx.pipeline().remove(this);
  }

  /** The first permessage-deflate offer Netty's handshaker accepts on our terms, or null. */
  private WebSocketServerExtension accept(String offers) {
    if (offers == null) {
      return null;
    }
    for (WebSocketExtensionData offer : WebSocketExtensionUtil.extractExtensions(offers)) {
      if (PERMESSAGE_DEFLATE.equals(offer.name())) {
        Map<String, String> terms = new HashMap<>(offer.parameters());
        terms.put(SERVER_NO_CONTEXT, null);
        terms.put(CLIENT_NO_CONTEXT, null);
        WebSocketServerExtension extension =
            handshaker.handshakeExtension(new WebSocketExtensionData(offer.name(), terms));
        if (extension != null) {
          return extension;
        }
      }
    }
    return null;
  }

  /** Encoder, decoder and the inflated-size limit, in front of netty-socketio's transport. */
  private void install(Channel channel, WebSocketServerExtension extension) {
    ChannelPipeline pipeline = channel.pipeline();
    String transport = SocketIOChannelInitializer.WEB_SOCKET_TRANSPORT;
    pipeline.addBefore(transport, "deflateEncoder", extension.newExtensionEncoder());
    pipeline.addBefore(transport, "deflateDecoder", extension.newExtensionDecoder());
    pipeline.addBefore(transport, InflatedLimit.NAME, new InflatedLimit(maxMessage));
    PerMessageDeflate.markNegotiated(channel);
  }

  private static String header(WebSocketServerExtension extension) {
    WebSocketExtensionData terms = extension.newReponseData();
    StringBuilder header = new StringBuilder(terms.name());
    terms
        .parameters()
        .forEach(
            (name, value) -> {
              header.append("; ").append(name);
              if (value != null) {
                header.append('=').append(value);
              }
            });
    return header.toString();
  }
}
