package io.roomcast.socket.stream;

/** Told when a database's change stream stops for good because retrying cannot help. */
@FunctionalInterface
public interface StreamFailureListener {
  /**
   * Called once, on a MongoDB driver thread (so it must not block), with a one-line message that
   * says what to fix.
   *
   * @param database the watched database whose stream stopped
   * @param message what failed and how to fix it
   */
  void onFatalError(String database, String message);
}
