package io.roomcast.embedded.history;

import java.util.Collection;
import java.util.Map;

/**
 * A cheap estimate of the heap a retained document costs, to enforce the history byte bound without
 * encoding every document. It errs on the high side for small values (object headers).
 */
public final class ApproximateSize {
  /** Charge for an event's own fields, resume token and bookkeeping. */
  static final long ENTRY_OVERHEAD = 160;

  private static final long VALUE_OVERHEAD = 16;

  private ApproximateSize() {}

  /** Estimated bytes of a value and everything it holds; 0 for null. */
  public static long of(Object value) {
    if (value == null) {
      return 0;
    }
    if (value instanceof Map<?, ?> map) {
      long size = 2 * VALUE_OVERHEAD;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        size += VALUE_OVERHEAD + 2L * String.valueOf(entry.getKey()).length();
        size += of(entry.getValue());
      }
      return size;
    }
    if (value instanceof Collection<?> list) {
      long size = 2 * VALUE_OVERHEAD;
      for (Object item : list) {
        size += of(item);
      }
      return size;
    }
    if (value instanceof CharSequence text) {
      return VALUE_OVERHEAD + 2L * text.length();
    }
    if (value instanceof byte[] bytes) {
      return VALUE_OVERHEAD + bytes.length;
    }
    return VALUE_OVERHEAD + 8;
  }
}
