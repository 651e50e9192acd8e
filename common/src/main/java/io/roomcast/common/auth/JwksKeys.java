package io.roomcast.common.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.URL;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing keys from a JWKS URL that never make the verifying thread wait on the network: tokens are
 * checked against the last key set fetched, and a key ID not in it starts a refetch on this class's
 * own thread (Nimbus's JWKSource does the caching, the refetch on an unknown {@code kid} and its
 * rate limit). A token signed with a brand-new key is refused once; the client's retry after the
 * refetch succeeds. Socket.IO clients retry a refused connection by themselves.
 */
final class JwksKeys implements JWKSource<SecurityContext>, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JwksKeys.class);
  private static final JWKSelector EVERY_KEY = new JWKSelector(new JWKMatcher.Builder().build());

  private final URL url;
  private final JWKSource<SecurityContext> remote;
  private final ExecutorService fetcher =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "jwks-fetch");
            thread.setDaemon(true);
            return thread;
          });
  private final AtomicBoolean fetching = new AtomicBoolean();

  /** Written only by the fetcher thread; read by every verifying thread. */
  private volatile JWKSet keys = new JWKSet();

  JwksKeys(URL url) {
    this.url = url;
    this.remote = JWKSourceBuilder.create(url).retrying(true).build();
  }

  /** Fetches the key set in the background; the future completes when it has been tried once. */
  CompletableFuture<Void> refresh() {
    return CompletableFuture.runAsync(() -> fetch(EVERY_KEY), fetcher);
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) {
    List<JWK> found = selector.select(keys);
    if (found.isEmpty() && fetching.compareAndSet(false, true)) {
      fetcher.execute(
          () -> {
            try {
              fetch(selector);
            } finally {
              fetching.set(false);
            }
          });
    }
    return found;
  }

  private void fetch(JWKSelector wanted) {
    try {
      remote.get(wanted, null); // an unknown kid makes the cache refetch (rate-limited)
      keys = new JWKSet(remote.get(EVERY_KEY, null));
      LOG.debug("JWKS from {}: {} keys", url, keys.getKeys().size());
    } catch (KeySourceException | RuntimeException e) {
      LOG.warn("cannot fetch the signing keys from {}: {}", url, e.getMessage());
    }
  }

  @Override
  public void close() {
    fetcher.shutdownNow();
  }
}
