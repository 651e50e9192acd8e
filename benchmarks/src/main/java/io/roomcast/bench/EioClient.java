package io.roomcast.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * One load-generator connection: a raw Engine.IO v4 / Socket.IO client over a websocket, a few
 * hundred bytes of state, so that 10,000 fit in one small JVM. It connects to the default
 * namespace, joins its one room with an ack ({@code 421["JoinRoom",[uuid]]}), answers pings, and
 * for every event reads the writer's step, sequence number and timestamp out of the frame's bytes
 * (no JSON parsing, no String per event) and hands them to the {@link Tally}. Runs on the
 * generator's single event loop, which owns the tally and every client's {@link #seen} set.
 */
final class EioClient extends SimpleChannelInboundHandler<TextWebSocketFrame> {
  private static final byte[] STEP = "\"benchStep\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SEQ = "\"benchSeq\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TS = "\"benchTs\":".getBytes(StandardCharsets.US_ASCII);

  private final String room;
  final int roomIndex;
  private final Tally tally;
  private final Runnable onSettled;
  private boolean settled;

  /** Per-room sequence indexes received in the current step (duplicates show as set bits). */
  final BitSet seen = new BitSet();

  /** {@code onSettled} runs once: when the join is acknowledged or the connection ends first. */
  EioClient(String room, int roomIndex, Tally tally, Runnable onSettled) {
    this.room = room;
    this.roomIndex = roomIndex;
    this.tally = tally;
    this.onSettled = onSettled;
  }

  private void settle() {
    if (!settled) {
      settled = true;
      onSettled.run();
    }
  }

  @Override
  public void channelRegistered(ChannelHandlerContext ctx) throws Exception {
    tally.add(this);
    super.channelRegistered(ctx);
  }

  @Override
  public void channelUnregistered(ChannelHandlerContext ctx) throws Exception {
    if (!settled) {
      tally.failed("connection ended before its join was acknowledged");
    } else {
      tally.disconnected();
    }
    settle();
    super.channelUnregistered(ctx);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
    ByteBuf text = frame.content();
    byte first = text.getByte(text.readerIndex());
    byte second = text.readableBytes() > 1 ? text.getByte(text.readerIndex() + 1) : 0;
    if (first == '4' && second == '2') {
      event(text);
    } else if (first == '2' && text.readableBytes() == 1) {
      send(ctx, "3"); // Engine.IO ping -> pong
    } else if (first == '0') {
      send(ctx, "40"); // Engine.IO open -> Socket.IO CONNECT to the default namespace
    } else if (first == '4' && second == '0') {
      send(ctx, "421[\"JoinRoom\",[\"" + room + "\"]]");
    } else if (first == '4' && second == '3' && !settled) {
      tally.joined();
      settle();
    }
  }

  private void event(ByteBuf text) {
    long step = numberAfter(text, STEP);
    long seq = numberAfter(text, SEQ);
    long ts = numberAfter(text, TS);
    if (step >= 0 && seq >= 0 && ts >= 0) {
      tally.received(this, (int) step, seq, ts);
    }
  }

  private static void send(ChannelHandlerContext ctx, String text) {
    ctx.writeAndFlush(new TextWebSocketFrame(text));
  }

  /** The non-negative integer after {@code key} in the frame, or -1 when absent. */
  static long numberAfter(ByteBuf text, byte[] key) {
    int end = text.writerIndex() - key.length;
    outer:
    for (int at = text.readerIndex(); at <= end; at++) {
      for (int k = 0; k < key.length; k++) {
        if (text.getByte(at + k) != key[k]) {
          continue outer;
        }
      }
      long value = -1;
      for (int i = at + key.length; i < text.writerIndex(); i++) {
        byte digit = text.getByte(i);
        if (digit < '0' || digit > '9') {
          break;
        }
        value = (value < 0 ? 0 : value * 10) + (digit - '0');
      }
      return value;
    }
    return -1;
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    tally.failed(cause.getClass().getSimpleName() + ": " + cause.getMessage());
    ctx.close();
  }
}
