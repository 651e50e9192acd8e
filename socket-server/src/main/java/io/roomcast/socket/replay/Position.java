package io.roomcast.socket.replay;

import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bson.BsonTimestamp;

/**
 * A place in the history of changes: a resume token's {@code _data} hex text, the {@code meta.id}
 * clients see. MongoDB and the embedded database both start it with {@code 82} and 16 hex digits of
 * the cluster time, so comparing the texts orders changes by commit; "after P" means {@code > P}. A
 * text that is not of this form is kept, but {@link #readable()} is false: it cannot be replayed.
 */
public final class Position implements Comparable<Position> {
  private static final String TIMESTAMP_PREFIX = "82";
  private static final int TIME_END = 18;
  private static final Pattern HEX = Pattern.compile("(?:[0-9A-Fa-f]{2})+");

  /** Longest text accepted as a position; tokens are far shorter. */
  static final int MAX_CHARS = 512;

  private final String data;
  private final boolean readable;

  private Position(String data, boolean readable) {
    this.data = data;
    this.readable = readable;
  }

  /** The position a client sent or an event carries; never null, maybe not {@link #readable()}. */
  public static Position of(String data) {
    boolean readable =
        data != null
            && data.length() >= TIME_END
            && data.length() <= MAX_CHARS
            && data.startsWith(TIMESTAMP_PREFIX)
            && HEX.matcher(data).matches();
    return new Position(readable ? data.toUpperCase(Locale.ROOT) : String.valueOf(data), readable);
  }

  /**
   * The position of a read at cluster time {@code time} (a snapshot): every change at or before it
   * sorts below, every later one above.
   */
  public static Position afterClusterTime(BsonTimestamp time) {
    return of(TIMESTAMP_PREFIX + HexFormat.of().withUpperCase().toHexDigits(time.getValue() + 1));
  }

  /** Whether this is a token position that can be compared and replayed from. */
  public boolean readable() {
    return readable;
  }

  /** The cluster time the position starts with; only for a readable one. */
  public BsonTimestamp clusterTime() {
    return new BsonTimestamp(HexFormat.fromHexDigitsToLong(data, 2, TIME_END));
  }

  /** Whether this position comes strictly after {@code other}. */
  public boolean isAfter(Position other) {
    return compareTo(other) > 0;
  }

  /** The {@code _data} text. */
  public String data() {
    return data;
  }

  @Override
  public int compareTo(Position other) {
    return data.compareTo(other.data);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Position position && data.equals(position.data);
  }

  @Override
  public int hashCode() {
    return data.hashCode();
  }

  @Override
  public String toString() {
    return data;
  }
}
