package io.roomcast.socket.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.junit.jupiter.api.Test;

class ResumeTokensTest {
  private static final String DATA = "8263515DA8000000012B022C0100296E5A1004";

  @Test
  void textIsTheDataString() {
    assertEquals(DATA, ResumeTokens.text(ResumeTokens.fromData(DATA)));
    assertEquals("{\"other\":1}", ResumeTokens.text(new BsonDocument("other", new BsonInt32(1))));
  }

  @Test
  void readsTheClusterTimeAtTheStartOfTheToken() {
    assertEquals(
        Instant.ofEpochSecond(1666276776),
        ResumeTokens.clusterTime(ResumeTokens.fromData(DATA)).orElseThrow());
    assertEquals(
        "token of 2022-10-20T14:39:36Z", ResumeTokens.describe(ResumeTokens.fromData(DATA)));
  }

  @Test
  void onlyAnEmptyBatchGivesItsPostBatchTokenAsPosition() {
    BsonDocument token = ResumeTokens.fromData(DATA);
    assertEquals(
        token, ResumeTokens.idlePosition(cursorReply("firstBatch: []", token)).orElseThrow());
    assertEquals(
        token, ResumeTokens.idlePosition(cursorReply("nextBatch: []", token)).orElseThrow());
    assertTrue(ResumeTokens.idlePosition(cursorReply("nextBatch: [{}]", token)).isEmpty());
    assertTrue(ResumeTokens.idlePosition(cursorReply("nextBatch: []", null)).isEmpty());
    assertTrue(ResumeTokens.idlePosition(cursorReply("ns: 'app.$cmd.aggregate'", token)).isEmpty());
  }

  private static BsonDocument cursorReply(String batch, BsonDocument token) {
    BsonDocument reply = BsonDocument.parse("{id: 7, " + batch + "}");
    if (token != null) {
      reply.put("postBatchResumeToken", token);
    }
    return reply;
  }

  @Test
  void describesOtherTokensWithoutFailing() {
    assertTrue(ResumeTokens.clusterTime(ResumeTokens.fromData("zz")).isEmpty());
    assertTrue(ResumeTokens.clusterTime(ResumeTokens.fromData("01" + DATA)).isEmpty());
    assertEquals("token zz", ResumeTokens.describe(ResumeTokens.fromData("zz")));
    assertEquals("now", ResumeTokens.describe(null));
  }
}
