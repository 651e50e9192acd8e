package io.roomcast.common.origin;

import io.roomcast.common.config.InvalidValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The browser origins allowed to connect or call, each {@code scheme://host[:port]}, or {@code *}
 * for any. The socket server's Origin guard and the backend's CORS both match through this one
 * class. Origins are compared in a normal form (lowercase, default port dropped), because that is
 * how browsers send them and a configured {@code http://localhost:80} must match {@code
 * http://localhost}.
 */
public final class AllowedOrigins {
  /** The single item that allows every origin. */
  public static final String ANY = "*";

  private final boolean any;
  private final Set<String> origins;

  private AllowedOrigins(boolean any, Set<String> origins) {
    this.any = any;
    this.origins = Collections.unmodifiableSet(new LinkedHashSet<>(origins));
  }

  /** Parses a configured list; throws {@link InvalidValue} naming the item at fault. */
  public static AllowedOrigins parse(List<String> items) {
    if (items.contains(ANY)) {
      if (items.size() > 1) {
        throw new InvalidValue(String.join(",", items), "'*' alone, or a list of origins");
      }
      return new AllowedOrigins(true, Set.of());
    }
    Set<String> origins = new LinkedHashSet<>();
    for (String item : items) {
      origins.add(
          normalize(item)
              .orElseThrow(() -> new InvalidValue(item, "an origin such as http://host:8082")));
    }
    return new AllowedOrigins(false, origins);
  }

  /** Whether a request carrying this Origin header may connect. */
  public boolean allows(String origin) {
    return any || normalize(origin).map(origins::contains).orElse(false);
  }

  public boolean allowsAny() {
    return any;
  }

  /** The normal forms, for the startup log. */
  public Set<String> origins() {
    return origins;
  }

  /**
   * The normal form of {@code scheme://host[:port]} with an http(s) scheme and nothing else (no
   * path, query or user info); empty when the text is not such an origin.
   */
  public static Optional<String> normalize(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean http = scheme.equals("http") || scheme.equals("https");
      if (!http
          || uri.getHost() == null
          || uri.getRawUserInfo() != null
          || !uri.getRawPath().isEmpty()
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null) {
        return Optional.empty();
      }
      int defaultPort = scheme.equals("http") ? 80 : 443;
      int port = uri.getPort();
      String host = uri.getHost().toLowerCase(Locale.ROOT);
      return Optional.of(
          scheme + "://" + host + (port == -1 || port == defaultPort ? "" : ":" + port));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return any ? ANY : String.join(",", origins);
  }
}
