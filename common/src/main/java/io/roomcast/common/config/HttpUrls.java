package io.roomcast.common.config;

import java.net.URI;
import java.net.URISyntaxException;

/** The one rule for settings that name an HTTP endpoint: an absolute http(s) URL with a host. */
public final class HttpUrls {
  private HttpUrls() {}

  /**
   * The URL, or {@link InvalidValue} naming what was expected.
   *
   * @param what what the URL points at, for the message (e.g. "a JWK set")
   */
  public static URI parse(String value, String what) {
    try {
      URI uri = new URI(value);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // refused below
    }
    throw new InvalidValue(value, "an http(s) URL of " + what);
  }
}
