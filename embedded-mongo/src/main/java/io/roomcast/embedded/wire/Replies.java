package io.roomcast.embedded.wire;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.wire.message.MessageHeader;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.Channel;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds OP_MSG replies for the commands this module answers itself. */
final class Replies {
  /** Far from the library's own reply ids; clients match replies by responseTo only. */
  private static final AtomicInteger REPLY_IDS = new AtomicInteger(1 << 30);

  private Replies() {}

  static void send(Channel channel, MongoMessage request, Document body) {
    MessageHeader header =
        new MessageHeader(REPLY_IDS.incrementAndGet(), request.getHeader().getRequestID());
    channel.writeAndFlush(new MongoMessage(channel, header, body));
  }

  static Document ok() {
    return new Document("ok", 1.0);
  }

  /** The error reply mongo-java-server would have sent for this exception. */
  static Document error(MongoServerException exception) {
    Document reply =
        new Document("ok", 0.0).append("errmsg", exception.getMessageWithoutErrorCode());
    if (exception instanceof MongoServerError error) {
      reply.append("code", error.getCode());
      reply.putIfNotNull("codeName", error.getCodeName());
    }
    return reply;
  }
}
