package io.roomcast.socket.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.corundumstudio.socketio.HandshakeData;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.roomcast.socket.session.KeptHandshake;
import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every place a client may present its token survives the trimming of its handshake data. */
class TrimmedHandshakeTokensTest {
  private static final InetSocketAddress ADDRESS = new InetSocketAddress("127.0.0.1", 8083);
  private final HandshakeTokens tokens = new HandshakeTokens("roomcast_token");

  @Test
  void theAuthorizationHeaderSurvives() {
    assertEquals("h", tokens.find(null, trimmed("Authorization", "Bearer h", "")));
  }

  @Test
  void theCookieSurvives() {
    assertEquals("c", tokens.find(null, trimmed("Cookie", "x=1; roomcast_token=c", "")));
  }

  @Test
  void theQueryParameterSurvives() {
    assertEquals("q", tokens.find(null, trimmed("User-Agent", "test", "&token=q")));
  }

  @Test
  void theAuthPayloadComesFirstAndNothingElseIsInvented() {
    assertEquals("p", tokens.find(Map.of("token", "p"), trimmed("User-Agent", "test", "")));
    assertNull(tokens.find(null, trimmed("User-Agent", "test", "")));
  }

  private static HandshakeData trimmed(String header, String value, String query) {
    HttpHeaders headers = new DefaultHttpHeaders();
    headers.add("Host", "example.test");
    headers.add(header, value);
    String url = "/socket.io/?EIO=4&transport=websocket" + query;
    HandshakeData data =
        new HandshakeData(
            headers, new QueryStringDecoder(url).parameters(), ADDRESS, ADDRESS, url, false);
    KeptHandshake.trim(data);
    return data;
  }
}
