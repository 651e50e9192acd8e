package io.roomcast.embedded.history;

/** Told after each append, so that a waiting change-stream read can answer at once. */
@FunctionalInterface
public interface AppendListener {
  /**
   * Called on the writer's thread right after a change is retained. Must return quickly and never
   * block: hand any real work to another executor.
   */
  void changeAppended();
}
