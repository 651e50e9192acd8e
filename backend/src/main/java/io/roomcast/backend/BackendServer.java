package io.roomcast.backend;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.roomcast.backend.http.Cors;
import io.roomcast.backend.http.ErrorReplies;
import io.roomcast.backend.http.JsonBodies;
import io.roomcast.backend.ops.OpsRoutes;
import io.roomcast.backend.ops.RequestMetrics;
import io.roomcast.backend.page.PageRoutes;
import io.roomcast.backend.resource.ResourceRoutes;
import io.roomcast.backend.storage.Namespace;
import io.roomcast.backend.storage.Store;
import io.roomcast.backend.storage.UuidDocuments;
import io.roomcast.backend.update.UpdateRoute;
import io.roomcast.common.metrics.ProcessMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running backend: Javalin on Jetty, with the routes of docs/backend.md. */
public final class BackendServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BackendServer.class);

  private final Javalin app;
  private final Store store;
  private final ProcessMetrics metrics;
  private final AtomicBoolean closed = new AtomicBoolean();

  private BackendServer(Javalin app, Store store, ProcessMetrics metrics) {
    this.app = app;
    this.store = store;
    this.metrics = metrics;
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
    try {
      Javalin app = Javalin.create(javalin -> configure(javalin, config, store, metrics));
      app.start(config.host(), config.port());
      LOG.info(
          "Backend listening on http://{}:{} writing {} (API collections: {})",
          config.host(),
          app.port(),
          config.updateNamespace(),
          config.apiCollections());
      return new BackendServer(app, store, metrics);
    } catch (RuntimeException e) {
      store.close();
      metrics.close();
      throw e;
    }
  }

  private static void configure(
      JavalinConfig javalin, BackendConfig config, Store store, ProcessMetrics metrics) {
    javalin.startup.showJavalinBanner = false;
    javalin.startup.showOldJavalinVersionWarning = false;
    javalin.http.prefer405over404 = true;
    javalin.http.maxRequestSize = config.maxBodyBytes();
    RequestMetrics requests = new RequestMetrics(metrics.registry());
    javalin.requestLogger.http(
        (ctx, ms) -> {
          requests.record(ctx, ms);
          LOG.debug("{} {} -> {} in {} ms", ctx.method(), ctx.path(), ctx.status(), ms);
        });

    Cors cors = new Cors(config.corsOrigins());
    javalin.routes.before(cors::apply);
    ErrorReplies.install(javalin.routes);

    JsonBodies bodies = new JsonBodies(config.maxBodyBytes());
    UuidDocuments updates = store.collection(config.updateNamespace()).orElseThrow();
    new OpsRoutes(metrics, store).install(javalin.routes);
    javalin.routes.post(UpdateRoute.PATH, new UpdateRoute(bodies, updates)::handle);
    new ResourceRoutes(bodies, allowed(config, store), config.uuidField()).install(javalin.routes);
    new PageRoutes(config.publicSocketUrl(), config.uuidField()).install(javalin);
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

  /** Stops accepting requests, lets running ones finish, then disconnects. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      app.stop();
      store.close();
      metrics.close();
      LOG.info("Backend stopped");
    }
  }
}
