package io.roomcast.bench;

import java.util.function.ToLongFunction;

/** A server's memory before any client and with {@code clients} idle joined connections. */
record MemoryRow(String target, int clients, Target.Memory empty, Target.Memory joined) {
  double perConnectionKb(ToLongFunction<Target.Memory> figure) {
    return (figure.applyAsLong(joined) - figure.applyAsLong(empty)) / 1024.0 / clients;
  }
}
