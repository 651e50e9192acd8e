package io.roomcast.socket.recovery;

import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.messages.PacketsMessage;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.roomcast.socket.metrics.SocketMetrics;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a v4 CONNECT's {@code pid} and {@code offset} (socket.io-client 4.6+ sends them when it
 * reconnects) before netty-socketio answers it. A valid pid's session is looked up in {@link
 * SessionRooms} while the CONNECT waits (off the event loop; bounded by the lookup's timeout), and
 * what was found is attached to the client for {@link Recovery}; then the CONNECT goes on. Anything
 * else passes at once. A compliant client sends nothing but Engine.IO pongs until it has its
 * CONNECT's reply, so nothing overtakes the held CONNECT that matters.
 */
@Sharable
public final class RecoveringConnect extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(RecoveringConnect.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONNECT = "40{";
  private static final byte RECORD_SEPARATOR = 0x1e;

  /**
   * What an offset must look like: a resume token's {@code _data} (82 + the cluster time, then more
   * hex). Anything else is not one of our change ids (an application event's last string).
   */
  private static final Pattern OFFSET = Pattern.compile("82[0-9A-Fa-f]{16,1022}");

  private final RecoveryTokens tokens;
  private final SessionRooms sessions;
  private final SocketMetrics metrics;

  RecoveringConnect(RecoveryTokens tokens, SessionRooms sessions, SocketMetrics metrics) {
    this.tokens = tokens;
    this.sessions = sessions;
    this.metrics = metrics;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (msg instanceof PacketsMessage packets
        && packets.getClient().getEngineIOVersion() == EngineIOVersion.V4) {
      JsonNode auth = connectAuth(packets);
      if (auth != null && auth.path("pid").isTextual()) {
        RecoveryTokens.Check check = tokens.check(auth.get("pid").asText());
        String offset = auth.path("offset").asText("");
        if (check instanceof RecoveryTokens.Valid valid && OFFSET.matcher(offset).matches()) {
          hold(ctx, packets, valid, offset);
          return;
        }
        metrics.recovery(outcome(check, offset));
      }
    }
    ctx.fireChannelRead(msg);
  }

  private static SocketMetrics.Recovery outcome(RecoveryTokens.Check check, String offset) {
    if (check instanceof RecoveryTokens.Expired) {
      return SocketMetrics.Recovery.EXPIRED;
    }
    if (check instanceof RecoveryTokens.Invalid || !offset.isEmpty()) {
      return SocketMetrics.Recovery.INVALID;
    }
    return SocketMetrics.Recovery.NO_OFFSET;
  }

  /** The default namespace's CONNECT auth in this payload, or null. */
  private static JsonNode connectAuth(PacketsMessage packets) {
    if (!holdsConnectWithData(packets.getContent())) {
      return null; // most payloads are events: nothing to decode on the event loop
    }
    String text = packets.getContent().toString(StandardCharsets.UTF_8);
    for (String part : text.split("\u001e")) {
      if (part.startsWith(CONNECT)) {
        try {
          return JSON.readTree(part.substring(CONNECT.length() - 1));
        } catch (Exception e) {
          return null; // netty-socketio answers a malformed CONNECT itself
        }
      }
    }
    return null;
  }

  /**
   * Whether a packet starts with {@code 40{} (a CONNECT with data): at the payload's start, or after
   * a record separator in a polling batch. Reads bytes only.
   */
  private static boolean holdsConnectWithData(ByteBuf content) {
    int start = content.readerIndex();
    int end = content.writerIndex() - CONNECT.length();
    for (int i = start; i <= end; i++) {
      if ((i == start || content.getByte(i - 1) == RECORD_SEPARATOR)
          && content.getByte(i) == '4'
          && content.getByte(i + 1) == '0'
          && content.getByte(i + 2) == '{') {
        return true;
      }
    }
    return false;
  }

  private void hold(
      ChannelHandlerContext ctx, PacketsMessage packets, RecoveryTokens.Valid pid, String offset) {
    PacketsMessage held = ConnectInternals.copy(packets);
    ChannelInboundHandler handler = ConnectInternals.packetHandler(ctx);
    sessions
        .load(pid.sessionId())
        .whenComplete(
            (rooms, error) ->
                ctx.executor()
                    .execute(() -> resume(ctx, handler, held, pid, offset, rooms, error)));
  }

  private void resume(
      ChannelHandlerContext ctx,
      ChannelInboundHandler handler,
      PacketsMessage held,
      RecoveryTokens.Valid pid,
      String offset,
      Optional<Set<String>> rooms,
      Throwable error) {
    ClientHead client = held.getClient();
    if (error != null) {
      LOG.warn("session lookup for recovery failed: {}", error.toString());
      metrics.recovery(SocketMetrics.Recovery.UNAVAILABLE);
    } else if (rooms.isEmpty()) {
      metrics.recovery(SocketMetrics.Recovery.EXPIRED);
    } else {
      client
          .getStore()
          .set(Recovery.RESTORE, new Recovery.Restore(pid, offset, rooms.get(), ctx.executor()));
    }
    if (!client.isConnected()) {
      held.getContent().release(); // gone while it waited
      return;
    }
    try {
      ConnectInternals.handOn(handler, ctx, held);
    } catch (Exception e) {
      LOG.warn("held CONNECT of session {} failed: {}", client.getSessionId(), e.toString());
    }
  }
}
