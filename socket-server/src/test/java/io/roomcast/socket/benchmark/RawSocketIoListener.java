package io.roomcast.socket.benchmark;

import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The frame handling the benchmarks' raw Socket.IO v4 clients share: whole text messages are handed
 * to {@link #handle}, and sends are chained, as the JDK WebSocket refuses overlapping ones.
 */
abstract class RawSocketIoListener implements WebSocket.Listener {
  private final StringBuilder partial = new StringBuilder();
  private CompletableFuture<WebSocket> sending;

  @Override
  public void onOpen(WebSocket webSocket) {
    sending = CompletableFuture.completedFuture(webSocket);
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      handle(partial.toString());
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  /** Sends after the previous send completed. */
  final void send(String text) {
    sending = sending.thenCompose(webSocket -> webSocket.sendText(text, true));
  }

  /** One whole Engine.IO packet from the server. */
  abstract void handle(String packet);
}
