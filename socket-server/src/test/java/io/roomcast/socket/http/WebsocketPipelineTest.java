package io.roomcast.socket.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOChannelInitializer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.roomcast.common.config.Settings;
import io.roomcast.socket.auth.ConnectAuthRequired;
import io.roomcast.socket.config.SocketServerConfig;
import io.roomcast.socket.testing.LoopbackChannel;
import io.roomcast.socket.testing.TestPipelines;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real pipeline, in memory: a connection that became a websocket has shed the handlers only
 * HTTP reaches, keeps the frame-size limit and the packet guards; a websocket handshake from a
 * refused origin is still refused.
 */
class WebsocketPipelineTest {
  private static final int MAX_FRAME = 1024;
  private static final List<String> FRAME_HANDLERS =
      List.of(
          "wsdecoder",
          "wsencoder",
          "heapPayloads",
          "writabilityGuard",
          "attachmentGuard",
          ConnectAuthRequired.NAME,
          SocketIOChannelInitializer.PACKET_HANDLER,
          SocketIOChannelInitializer.WEB_SOCKET_AGGREGATOR,
          SocketIOChannelInitializer.WEB_SOCKET_TRANSPORT,
          SocketIOChannelInitializer.SOCKETIO_ENCODER,
          GuardedChannelInitializer.CLIENT_ERRORS);

  private GuardedChannelInitializer initializer;
  private EmbeddedChannel channel;

  @BeforeEach
  void start() {
    SocketServerConfig config =
        SocketServerConfig.from(
            Settings.from(
                Map.of(
                    "ROOM_AUTH",
                    "open",
                    "ALLOWED_ORIGINS",
                    "http://allowed.test",
                    "MAX_FRAME",
                    Integer.toString(MAX_FRAME))));
    Configuration configuration = new Configuration();
    configuration.setMaxFramePayloadLength(config.maxFrame());
    configuration.setWebsocketCompression(false);
    configuration.setHttpCompression(false);
    initializer = TestPipelines.started(config, configuration);
    channel = new LoopbackChannel(initializer);
  }

  @AfterEach
  void stop() {
    channel.finishAndReleaseAll();
    initializer.stop();
  }

  @Test
  void anUpgradedConnectionKeepsOnlyWhatFramesPassThrough() {
    channel.writeInbound(ascii(upgrade("")));
    assertTrue(answer().startsWith("HTTP/1.1 101 "), "switched to websocket");
    for (String httpOnly : WebsocketPipeline.HTTP_ONLY) {
      assertNull(channel.pipeline().get(httpOnly), httpOnly + " removed");
    }
    for (String kept : FRAME_HANDLERS) {
      assertNotNull(channel.pipeline().get(kept), kept + " kept");
    }
    assertNotNull(channel.pipeline().get(GuardedChannelInitializer.PRE_CONNECT_FILTER));

    channel.writeInbound(frame("40"));
    assertTrue(text(answer()).startsWith("40{\"sid\""), "connected");
    channel.writeInbound(frame("3"));
    assertNull(
        channel.pipeline().get(GuardedChannelInitializer.PRE_CONNECT_FILTER),
        "nothing to filter once connected");
  }

  @Test
  void anUpgradedConnectionStillRefusesFramesOverTheLimit() {
    channel.writeInbound(ascii(upgrade("")));
    answer();
    channel.writeInbound(frame("40"));
    answer();
    channel.writeInbound(frame("4" + "x".repeat(MAX_FRAME)));
    channel.runPendingTasks();
    assertFalse(channel.isOpen(), "closed by the frame decoder's limit");
  }

  @Test
  void anUpgradeFromARefusedOriginIsStillRefused() {
    channel.writeInbound(ascii(upgrade("Origin: http://elsewhere.test\r\n")));
    assertTrue(answer().startsWith("HTTP/1.1 403 "));
    assertFalse(channel.isOpen());
  }

  private static String upgrade(String extraHeaders) {
    return "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: localhost\r\n"
        + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
        + extraHeaders
        + "\r\n";
  }

  /** All the channel wrote since the last call, as one string of bytes. */
  private String answer() {
    StringBuilder written = new StringBuilder();
    for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
      ByteBuf bytes = (ByteBuf) out;
      written.append(bytes.toString(StandardCharsets.ISO_8859_1));
      bytes.release();
    }
    return written.toString();
  }

  /** The payload of the first unmasked server frame in {@code written}. */
  private static String text(String written) {
    int length = written.charAt(1) & 0x7F;
    return written.substring(2, 2 + length);
  }

  private static ByteBuf ascii(String text) {
    return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
  }

  /** A masked text frame, as a client sends it. */
  private static ByteBuf frame(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    byte[] mask = {7, 21, 42, 99};
    ByteBuf frame = Unpooled.buffer();
    frame.writeByte(0x81);
    if (payload.length < 126) {
      frame.writeByte(0x80 | payload.length);
    } else {
      frame.writeByte(0x80 | 126);
      frame.writeShort(payload.length);
    }
    frame.writeBytes(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.writeByte(payload[i] ^ mask[i % 4]);
    }
    return frame;
  }
}
