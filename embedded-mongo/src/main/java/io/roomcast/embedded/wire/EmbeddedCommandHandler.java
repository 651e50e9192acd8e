package io.roomcast.embedded.wire;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.message.ClientRequest;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.group.ChannelGroup;
import io.roomcast.embedded.capture.CapturingBackend;
import io.roomcast.embedded.capture.Sessions;
import io.roomcast.embedded.snapshot.SnapshotReads;
import io.roomcast.embedded.stream.ChangeStreams;
import io.roomcast.embedded.stream.CommandFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * mongo-java-server's command handler, with the change-stream commands, the pre-image options and
 * TTL indexes answered by this module. Everything else goes to the library unchanged. Runs on the
 * connection's event loop; a getMore that must wait answers later from the same loop.
 */
final class EmbeddedCommandHandler extends MongoDatabaseHandler {
  private final CapturingBackend backend;
  private final ChangeStreams streams;
  private final PreImageCommands preImageCommands;
  private final SnapshotReads snapshots;
  private final TtlIndexCommands ttlIndexCommands;

  EmbeddedCommandHandler(
      CapturingBackend backend,
      ChannelGroup channels,
      ChangeStreams streams,
      PreImageCommands preImageCommands,
      SnapshotReads snapshots,
      TtlIndexCommands ttlIndexCommands) {
    super(backend, channels);
    this.backend = backend;
    this.streams = streams;
    this.preImageCommands = preImageCommands;
    this.snapshots = snapshots;
    this.ttlIndexCommands = ttlIndexCommands;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, ClientRequest request) {
    if (request instanceof MongoMessage message && answered(ctx, message)) {
      return;
    }
    super.channelRead0(ctx, request);
  }

  private boolean answered(ChannelHandlerContext ctx, MongoMessage message) {
    Document command = message.getDocument();
    String database = message.getDatabaseName();
    String name = command.isEmpty() ? "" : command.keySet().iterator().next();
    Sessions.strip(command);
    try {
      if (SnapshotReads.isSnapshotRead(command)) {
        Replies.send(ctx.channel(), message, snapshots.answer(database, name, command));
        return true;
      }
      switch (name) {
        case "aggregate" -> {
          if (!ChangeStreams.opensChangeStream(command)) {
            return false;
          }
          Replies.send(ctx.channel(), message, streams.open(database, command));
        }
        case "getMore" -> {
          if (!streams.owns(command.get("getMore"))) {
            return false;
          }
          streams.getMore(
              command, ctx.executor(), reply -> Replies.send(ctx.channel(), message, reply));
        }
        case "killCursors" -> {
          return killCursors(ctx, message, command);
        }
        case "collMod" ->
            Replies.send(ctx.channel(), message, preImageCommands.collMod(database, command));
        case "create" -> {
          if (!command.containsKey(PreImageCommands.OPTION)) {
            return false;
          }
          PreImageCommands.enabled(command.get(PreImageCommands.OPTION));
          Document reply = library(message, database, name, command);
          if (Double.valueOf(1.0).equals(asDouble(reply.get("ok")))) {
            preImageCommands.created(database, command);
          }
          Replies.send(ctx.channel(), message, reply);
        }
        case "createIndexes", "listIndexes", "dropIndexes", "renameCollection" -> {
          Document reply =
              ttlIndexCommands.answer(
                  database, name, command, (db, cmd, body) -> library(message, db, cmd, body));
          if (reply == null) {
            return false;
          }
          Replies.send(ctx.channel(), message, reply);
        }
        default -> {
          return false;
        }
      }
    } catch (CommandFailure failure) {
      Replies.send(ctx.channel(), message, failure.toReply());
    } catch (MongoServerException e) { // from the backend calls made here, e.g. a bad name
      Replies.send(ctx.channel(), message, Replies.error(e));
    }
    return true;
  }

  /** Kills our cursors here and passes any others to the library, with one combined reply. */
  private boolean killCursors(ChannelHandlerContext ctx, MongoMessage message, Document command) {
    if (!(command.get("cursors") instanceof List<?> ids)) {
      return false;
    }
    List<Long> killed = streams.kill(ids);
    if (killed.isEmpty()) {
      return false;
    }
    List<Object> others = new ArrayList<>(ids);
    others.removeAll(killed);
    Document reply = Replies.ok();
    List<Object> allKilled = new ArrayList<>(killed);
    List<Object> notFound = new ArrayList<>();
    if (!others.isEmpty()) {
      Document rest = new Document(command).append("cursors", others);
      Document libraryReply = library(message, message.getDatabaseName(), "killCursors", rest);
      if (libraryReply.get("cursorsKilled") instanceof List<?> list) {
        allKilled.addAll(list);
      }
      if (libraryReply.get("cursorsNotFound") instanceof List<?> list) {
        notFound.addAll(list);
      }
    }
    reply.append("cursorsKilled", allKilled).append("cursorsNotFound", notFound);
    reply.append("cursorsAlive", List.of()).append("cursorsUnknown", List.of());
    Replies.send(ctx.channel(), message, reply);
    return true;
  }

  private Document library(MongoMessage message, String database, String name, Document command) {
    try {
      return backend.handleCommand(message.getChannel(), database, name, command);
    } catch (MongoServerException e) {
      return Replies.error(e);
    }
  }

  private static Double asDouble(Object value) {
    return value instanceof Number number ? number.doubleValue() : null;
  }
}
