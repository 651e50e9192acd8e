package io.roomcast.socket.guard;

/**
 * The session limits the guard enforces.
 *
 * @param connectTimeoutMillis how long a session may stay without its Socket.IO CONNECT
 * @param maxClients sessions held at once
 */
public record SessionLimits(int connectTimeoutMillis, int maxClients) {}
