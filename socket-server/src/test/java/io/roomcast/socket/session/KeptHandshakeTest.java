package io.roomcast.socket.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.corundumstudio.socketio.HandshakeData;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A session keeps of its handshake only what is read later; the netty-socketio 2.0.14 fields this
 * writes are still there (this fails if they move, and then nothing would be trimmed).
 */
class KeptHandshakeTest {
  private static final InetSocketAddress ADDRESS = new InetSocketAddress("127.0.0.1", 8083);

  @Test
  void theFieldsItWritesExistInThisNettySocketIoVersion() {
    assertTrue(KeptHandshake.available());
  }

  @Test
  void keepsTheTokenSourcesAndDropsTheRest() {
    HttpHeaders headers = new DefaultHttpHeaders();
    headers.add("Host", "example.test");
    headers.add("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/140.0");
    headers.add("Origin", "http://allowed.test");
    headers.add("Authorization", "Bearer abc");
    headers.add("Cookie", "a=1");
    headers.add("Cookie", "roomcast_token=xyz");
    headers.add("io", "3c5b9a50-0000-4000-8000-000000000000");
    String url = "/socket.io/?EIO=4&transport=polling&t=PQx1&token=qqq";
    HandshakeData data = handshake(headers, url);

    KeptHandshake.trim(data);

    HttpHeaders kept = data.getHttpHeaders();
    assertEquals("Bearer abc", kept.get("authorization"));
    assertEquals(List.of("a=1", "roomcast_token=xyz"), kept.getAll("Cookie"));
    assertNull(kept.get("Origin"));
    assertNull(kept.get("User-Agent"));
    assertNull(kept.get("io"));
    assertEquals(2, kept.names().size());
    assertEquals(Map.of("token", List.of("qqq")), data.getUrlParams());
    assertEquals("/socket.io/", data.getUrl());
    assertEquals(ADDRESS, data.getAddress());
  }

  @Test
  void aHandshakeWithoutTokensKeepsNoHeadersAndNoQuery() {
    HttpHeaders headers = new DefaultHttpHeaders();
    headers.add("Host", "example.test");
    HandshakeData data = handshake(headers, "/socket.io/?EIO=4&transport=websocket");

    KeptHandshake.trim(data);

    assertTrue(data.getHttpHeaders().isEmpty());
    assertEquals(Map.of(), data.getUrlParams());
    assertNull(data.getSingleUrlParam("EIO"));
  }

  static HandshakeData handshake(HttpHeaders headers, String url) {
    return new HandshakeData(
        headers, new QueryStringDecoder(url).parameters(), ADDRESS, ADDRESS, url, false);
  }
}
