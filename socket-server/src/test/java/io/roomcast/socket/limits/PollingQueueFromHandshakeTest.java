package io.roomcast.socket.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.roomcast.common.config.Settings;
import io.roomcast.socket.config.SocketServerConfig;
import io.roomcast.socket.http.GuardedChannelInitializer;
import io.roomcast.socket.testing.LoopbackChannel;
import io.roomcast.socket.testing.TestPipelines;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A polling session's queue is metered from the handshake that creates it, before its first packet
 * (the open packet) is queued: swapping it at connect raced the client's first packets, which
 * netty-socketio queues from other event loops (JwtHandshakeIT's JoinRoom ack, lost about once in
 * ten runs of the class). The real pipeline, in memory: the handshake's own answer went through the
 * metered queue.
 */
class PollingQueueFromHandshakeTest {
  private static final String HANDSHAKE =
      "GET /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: localhost\r\n\r\n";

  @Test
  void theHandshakesOpenPacketAlreadyGoesThroughTheMeteredQueue() {
    SocketServerConfig config = SocketServerConfig.from(Settings.from(Map.of("ROOM_AUTH", "open")));
    Configuration configuration = new Configuration();
    GuardedChannelInitializer initializer = TestPipelines.started(config, configuration);
    EmbeddedChannel channel = new LoopbackChannel(initializer);
    try {
      channel.writeInbound(Unpooled.copiedBuffer(HANDSHAKE, StandardCharsets.US_ASCII));
      String answer = answer(channel);
      assertTrue(answer.startsWith("0{\"sid\""), "the open packet: " + answer);
      ClientHead session = channel.attr(ClientHead.CLIENT).get();
      MeteredPacketQueue queue =
          assertInstanceOf(MeteredPacketQueue.class, session.getPacketsQueue(Transport.POLLING));
      assertEquals(0, queue.bytes(), "the open packet counted in, and out as it was sent");
    } finally {
      channel.finishAndReleaseAll();
      initializer.stop();
    }
  }

  /** The body of the HTTP answer the channel wrote. */
  private static String answer(EmbeddedChannel channel) {
    EmbeddedChannel decoder =
        new EmbeddedChannel(new HttpResponseDecoder(), new HttpObjectAggregator(65_536));
    for (Object written = channel.readOutbound();
        written != null;
        written = channel.readOutbound()) {
      decoder.writeInbound(written);
    }
    FullHttpResponse response = decoder.readInbound();
    try {
      return response.content().toString(StandardCharsets.UTF_8);
    } finally {
      response.release();
      decoder.finishAndReleaseAll();
    }
  }
}
