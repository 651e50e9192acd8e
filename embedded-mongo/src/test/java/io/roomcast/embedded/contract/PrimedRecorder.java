package io.roomcast.embedded.contract;

import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.changestream.ChangeStreamDocument;
import io.roomcast.embedded.testing.StreamRecorder;
import java.util.ArrayList;
import java.util.List;

/** A change-stream recorder that shows only events after the first prime, without primes. */
final class PrimedRecorder<T> implements AutoCloseable {
  private final StreamRecorder<ChangeStreamDocument<T>> recorder;

  PrimedRecorder(StreamRecorder<ChangeStreamDocument<T>> recorder) {
    this.recorder = recorder;
  }

  List<ChangeStreamDocument<T>> events() {
    List<ChangeStreamDocument<T>> events = new ArrayList<>();
    boolean primed = false;
    for (ChangeStreamDocument<T> event : recorder.items()) {
      if (ContractSupport.isPrime(event)) {
        primed = true;
      } else if (primed) {
        events.add(event);
      }
    }
    return events;
  }

  /** Waits until at least {@code count} events arrived and returns them. */
  List<ChangeStreamDocument<T>> awaitEvents(int count) {
    await()
        .atMost(ContractSupport.WAIT)
        .until(() -> events().size() >= count || recorder.error() != null);
    if (recorder.error() != null && events().size() < count) {
      throw new AssertionError("stream failed: " + recorder.error(), recorder.error());
    }
    return events();
  }

  Throwable error() {
    return recorder.error();
  }

  boolean isCompleted() {
    return recorder.isCompleted();
  }

  @Override
  public void close() {
    recorder.close();
  }
}
