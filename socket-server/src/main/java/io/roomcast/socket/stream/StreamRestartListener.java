package io.roomcast.socket.stream;

/** Told each time a change stream ends and is opened again. */
@FunctionalInterface
public interface StreamRestartListener {
  /**
   * Called on a driver thread, so it must not block.
   *
   * @param database the watched database
   * @param cause a bounded label: the simple class name of the error, {@code invalidate} or {@code
   *     completed}
   */
  void onRestart(String database, String cause);
}
