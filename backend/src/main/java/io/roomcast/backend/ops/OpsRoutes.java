package io.roomcast.backend.ops;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.roomcast.backend.storage.Store;
import io.roomcast.common.health.Health;
import io.roomcast.common.metrics.ProcessMetrics;

/**
 * {@code GET /metrics} (Prometheus text format), {@code /health/live} (the process answers) and
 * {@code /health/ready} (the database answers a ping; 503 naming the check otherwise).
 */
public final class OpsRoutes {
  public static final String METRICS = "/metrics";
  public static final String LIVE = "/health/live";
  public static final String READY = "/health/ready";

  private final ProcessMetrics metrics;
  private final Store store;

  public OpsRoutes(ProcessMetrics metrics, Store store) {
    this.metrics = metrics;
    this.store = store;
  }

  public void install(RoutesConfig routes) {
    routes.get(
        METRICS, ctx -> ctx.contentType(ProcessMetrics.CONTENT_TYPE).result(metrics.scrape()));
    routes.get(LIVE, ctx -> send(ctx, Health.of(Health.Check.passed("process", "running"))));
    routes.get(READY, ctx -> send(ctx, ready()));
  }

  private Health ready() {
    return store
        .ping()
        .map(problem -> Health.of(Health.Check.failed("database", problem)))
        .orElseGet(() -> Health.of(Health.Check.passed("database", "answers ping")));
  }

  private static void send(Context ctx, Health health) {
    ctx.header("Cache-Control", "no-store");
    ctx.status(health.httpStatus()).contentType("application/json").result(health.json());
  }
}
