package io.roomcast.socket.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoCredential;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import java.time.Duration;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class StreamErrorsTest {
  private static MongoCommandException commandError(int code) {
    return new MongoCommandException(
        BsonDocument.parse("{ok: 0, code: " + code + ", errmsg: 'failed'}"), new ServerAddress());
  }

  @Test
  void lostHistoryRestartsFromNow() {
    for (int code : new int[] {286, 280, 136}) {
      assertEquals(StreamErrors.Action.RESTART_FROM_NOW, StreamErrors.classify(commandError(code)));
    }
  }

  @Test
  void configurationProblemsStopWithAFix() {
    assertEquals(StreamErrors.Action.STOP, StreamErrors.classify(commandError(40573)));
    assertTrue(StreamErrors.fixIt(commandError(40573)).contains("replica set"));
    assertEquals(StreamErrors.Action.STOP, StreamErrors.classify(commandError(13)));
    MongoSecurityException auth =
        new MongoSecurityException(
            MongoCredential.createCredential("u", "admin", "p".toCharArray()), "auth failed");
    assertEquals(StreamErrors.Action.STOP, StreamErrors.classify(auth));
    assertTrue(StreamErrors.fixIt(auth).contains("MONGODB_URI"));
  }

  @Test
  void everythingElseResumes() {
    assertEquals(
        StreamErrors.Action.RESUME,
        StreamErrors.classify(new MongoSocketReadException("reset", new ServerAddress())));
    assertEquals(StreamErrors.Action.RESUME, StreamErrors.classify(commandError(91)));
  }

  @Test
  void backoffDoublesUpToTheCapAndResets() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(500));
    assertEquals(100, backoff.next().toMillis());
    assertEquals(200, backoff.next().toMillis());
    assertEquals(400, backoff.next().toMillis());
    assertEquals(500, backoff.next().toMillis());
    for (int i = 0; i < 100; i++) {
      backoff.next();
    }
    assertEquals(500, backoff.next().toMillis());
    backoff.reset();
    assertEquals(100, backoff.next().toMillis());
  }
}
