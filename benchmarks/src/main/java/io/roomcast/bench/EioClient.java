package io.roomcast.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * One load-generator connection: a raw Engine.IO v4 / Socket.IO client over a websocket, a few
 * hundred bytes of state, so that 10,000 fit in one small JVM. It upgrades ({@link WebSocketReader}
 * reads the frames), connects to the default namespace, joins its one room with an ack ({@code
 * 421["JoinRoom",[uuid]]}), answers pings, and for every event reads the writer's step, sequence
 * number and timestamp out of the frame's bytes ({@link EventNumbers}: no JSON parsing, no String
 * per event) and hands them to the {@link Tally}. Runs on the generator's single event loop, which
 * owns the tally and every client's {@link #seen} set.
 */
final class EioClient extends ChannelInboundHandlerAdapter implements WebSocketReader.Listener {
  private final String upgradeRequest;
  private final WebSocketReader reader;
  private final String room;
  final int roomIndex;
  private final Tally tally;
  private final EventNumbers numbers;
  private final Runnable onSettled;
  private boolean settled;

  /** Per-room sequence indexes received in the current step (duplicates show as set bits). */
  final BitSet seen = new BitSet();

  /**
   * {@code key}: the Sec-WebSocket-Key in {@code upgradeRequest}; {@code deflate}: whether it
   * offers permessage-deflate; {@code numbers}: the fleet's parser (same event loop); {@code
   * onSettled} runs once: when the join is acknowledged or the connection ends first.
   */
  EioClient(
      String upgradeRequest,
      String key,
      boolean deflate,
      String room,
      int roomIndex,
      Tally tally,
      EventNumbers numbers,
      Runnable onSettled) {
    this.upgradeRequest = upgradeRequest;
    this.reader = new WebSocketReader(key, deflate, this);
    this.room = room;
    this.roomIndex = roomIndex;
    this.tally = tally;
    this.numbers = numbers;
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
  public void channelActive(ChannelHandlerContext ctx) {
    ByteBuf request = ctx.alloc().buffer(upgradeRequest.length());
    request.writeCharSequence(upgradeRequest, StandardCharsets.US_ASCII);
    ctx.writeAndFlush(request);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    reader.read(ctx, (ByteBuf) msg);
  }

  @Override
  public void channelUnregistered(ChannelHandlerContext ctx) throws Exception {
    reader.release();
    if (!settled) {
      tally.failed("connection ended before its join was acknowledged");
    } else {
      tally.disconnected();
    }
    settle();
    super.channelUnregistered(ctx);
  }

  @Override
  public void text(ChannelHandlerContext ctx, ByteBuf buffer, int index, int length) {
    byte first = length > 0 ? buffer.getByte(index) : 0;
    byte second = length > 1 ? buffer.getByte(index + 1) : 0;
    if (first == '4' && second == '2') {
      event(buffer, index, length);
    } else if (first == '2' && length == 1) {
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

  private void event(ByteBuf buffer, int index, int length) {
    if (numbers.read(buffer, index, length)) {
      tally.received(this, (int) numbers.step(), numbers.seq(), numbers.ts());
    } else {
      tally.failed("an event without benchStep, benchSeq and benchTs in that order");
    }
  }

  private static void send(ChannelHandlerContext ctx, String text) {
    ctx.writeAndFlush(WebSocketFrames.text(ctx.alloc(), text));
  }

  @Override
  public void failed(String description) {
    tally.failed(description);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    tally.failed(cause.getClass().getSimpleName() + ": " + cause.getMessage());
    ctx.close();
  }
}
