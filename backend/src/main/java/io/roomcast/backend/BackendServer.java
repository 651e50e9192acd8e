package io.roomcast.backend;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.micrometer.core.instrument.Gauge;
import io.roomcast.backend.auth.DevTokenRoute;
import io.roomcast.backend.auth.DocumentAccess;
import io.roomcast.backend.http.Cors;
import io.roomcast.backend.http.ErrorReplies;
import io.roomcast.backend.http.JettyLimits;
import io.roomcast.backend.http.JsonBodies;
import io.roomcast.backend.http.UnreadBodies;
import io.roomcast.backend.ops.OpsRoutes;
import io.roomcast.backend.ops.RequestMetrics;
import io.roomcast.backend.page.PageRoutes;
import io.roomcast.backend.resource.ResourceRoutes;
import io.roomcast.backend.storage.Namespace;
import io.roomcast.backend.storage.Store;
import io.roomcast.backend.storage.UuidDocuments;
import io.roomcast.backend.update.UpdateRoute;
import io.roomcast.common.auth.TokenMinter;
import io.roomcast.common.auth.TokenVerifier;
import io.roomcast.common.metrics.ProcessMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running backend: Javalin on Jetty, with the routes of docs/backend.md. */
public final class BackendServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BackendServer.class);

  private final Javalin app;
  private final Store store;
  private final ProcessMetrics metrics;
  private final TokenVerifier verifier;
  private final AtomicBoolean closed = new AtomicBoolean();

  private BackendServer(Javalin app, Store store, ProcessMetrics metrics, TokenVerifier verifier) {
    this.app = app;
    this.store = store;
    this.metrics = metrics;
    this.verifier = verifier;
  }

  /** Prepares the collections, then listens; throws if the database or the port is unusable. */
  public static BackendServer start(BackendConfig config) {
    List<Namespace> namespaces = new ArrayList<>(config.apiCollections());
    namespaces.add(config.updateNamespace());
    ProcessMetrics metrics = ProcessMetrics.create();
    Store store;
    try {
      store = Store.open(config.mongoUri(), config.uuidField(), namespaces, metrics.registry());
    } catch (RuntimeException e) {
      metrics.close();
      throw e;
    }
    TokenVerifier verifier =
        config.auth().jwt() == null ? null : TokenVerifier.create(config.auth().jwt());
    try {
      DocumentAccess access =
          verifier == null ? DocumentAccess.open() : DocumentAccess.jwt(verifier);
      Javalin app = Javalin.create(javalin -> configure(javalin, config, store, metrics, access));
      app.start(); // on the connector of JettyLimits, at config.host() and config.port()
      Gauge.builder("roomcast.backend.connections", app, BackendServer::openConnections)
          .description("open HTTP connections, counted against BACKEND_MAX_CONNECTIONS")
          .register(metrics.registry());
      LOG.info(
          "Backend listening on http://{}:{} writing {} (API collections: {}), writes and reads {}",
          config.host(),
          app.port(),
          config.updateNamespace(),
          config.apiCollections(),
          verifier == null
              ? "open to everyone (BACKEND_AUTH=open)"
              : "need a token (" + config.auth().jwt() + ")");
      return new BackendServer(app, store, metrics, verifier);
    } catch (RuntimeException e) {
      store.close();
      metrics.close();
      if (verifier != null) {
        verifier.close();
      }
      throw e;
    }
  }

  private static void configure(
      JavalinConfig javalin,
      BackendConfig config,
      Store store,
      ProcessMetrics metrics,
      DocumentAccess access) {
    javalin.startup.showJavalinBanner = false;
    javalin.startup.showOldJavalinVersionWarning = false;
    javalin.http.prefer405over404 = true;
    javalin.http.maxRequestSize = config.maxBodyBytes();
    JettyLimits.apply(javalin, config);
    RequestMetrics requests = new RequestMetrics(metrics.registry());
    javalin.requestLogger.http(
        (ctx, ms) -> {
          requests.record(ctx, ms);
          LOG.debug("{} {} -> {} in {} ms", ctx.method(), ctx.path(), ctx.status(), ms);
        });

    Cors cors = new Cors(config.corsOrigins());
    javalin.routes.before(cors::apply);
    ErrorReplies.install(javalin.routes);
    javalin.routes.after(UnreadBodies::closeIfUnread);

    JsonBodies bodies = new JsonBodies(config.maxBodyBytes());
    UuidDocuments updates = store.collection(config.updateNamespace()).orElseThrow();
    new OpsRoutes(metrics, store).install(javalin.routes);
    access.install(javalin.routes, UpdateRoute.PATH, "/api/*");
    javalin.routes.post(UpdateRoute.PATH, new UpdateRoute(bodies, updates, access)::handle);
    new ResourceRoutes(bodies, allowed(config, store), config.uuidField(), access)
        .install(javalin.routes);
    boolean devTokens = config.auth().devTokens() != null;
    if (devTokens) {
      installDevTokens(javalin, config, bodies);
    }
    new PageRoutes(config.publicSocketUrl(), config.uuidField(), devTokens).install(javalin);
  }

  private static void installDevTokens(
      JavalinConfig javalin, BackendConfig config, JsonBodies bodies) {
    DevTokenRoute devTokens =
        new DevTokenRoute(
            bodies,
            new TokenMinter(config.auth().devTokens()),
            Duration.ofSeconds(config.auth().devTokenTtlSeconds()),
            config.auth().devTokens().maxGrantedRooms());
    javalin.routes.post(DevTokenRoute.PATH, devTokens::handle);
    LOG.warn("DEV_TOKENS=true: {} mints tokens for any room; development only", DevTokenRoute.PATH);
  }

  private static Map<Namespace, UuidDocuments> allowed(BackendConfig config, Store store) {
    Map<Namespace, UuidDocuments> allowed = new LinkedHashMap<>();
    for (Namespace namespace : config.apiCollections()) {
      allowed.put(namespace, store.collection(namespace).orElseThrow());
    }
    return allowed;
  }

  /** The port bound, useful when configured as 0. */
  public int port() {
    return app.port();
  }

  /** Connections open now, as Jetty counts them against BACKEND_MAX_CONNECTIONS. */
  private static double openConnections(Javalin app) {
    return app.jettyServer()
        .server()
        .getBean(NetworkConnectionLimit.class)
        .getNetworkConnectionCount();
  }

  /** Stops accepting requests, lets running ones finish, then disconnects. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      app.stop();
      store.close();
      metrics.close();
      if (verifier != null) {
        verifier.close();
      }
      LOG.info("Backend stopped");
    }
  }
}
