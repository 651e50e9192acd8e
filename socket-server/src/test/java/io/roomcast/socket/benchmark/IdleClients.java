package io.roomcast.socket.benchmark;

import io.roomcast.socket.testing.RawWebSocket;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The client side of {@link IdleMemoryBenchmark}, in a process of its own so that the clients'
 * memory is not counted as the server's: opens N raw Engine.IO v4 websocket sessions, joins each to
 * one of R rooms, prints {@code joined N} and holds them until killed.
 */
public final class IdleClients {
  private IdleClients() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int clients = Integer.parseInt(args[1]);
    int rooms = Integer.parseInt(args[2]);
    List<UUID> roomIds = new ArrayList<>();
    for (int i = 0; i < rooms; i++) {
      roomIds.add(UUID.randomUUID());
    }
    Queue<RawWebSocket> sockets = new ConcurrentLinkedQueue<>();
    ScheduledExecutorService pongs = Executors.newSingleThreadScheduledExecutor();
    pongs.scheduleWithFixedDelay(
        () -> sockets.forEach(IdleClients::pong), 10, 10, TimeUnit.SECONDS);
    for (int i = 0; i < clients; i++) {
      RawWebSocket socket = RawWebSocket.connected(port, 4, 0);
      socket.join(roomIds.get(i % rooms));
      sockets.add(socket);
    }
    System.out.println("joined " + sockets.size());
    Thread.sleep(Long.MAX_VALUE); // held until the benchmark kills this process
  }

  private static void pong(RawWebSocket socket) {
    try {
      socket.sendText("3");
    } catch (IOException e) {
      // that one is gone; the count printed at the end tells
    }
  }
}
