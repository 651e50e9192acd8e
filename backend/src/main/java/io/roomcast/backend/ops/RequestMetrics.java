package io.roomcast.backend.ops;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Per request: {@code roomcast_http_requests_seconds} by method, route TEMPLATE (e.g. {@code
 * /api/{db}/{collection}/{uuid}}, never the path a client sent), and status; and for refused writes
 * (POST, PUT, PATCH, DELETE answered 4xx/5xx) {@code roomcast_backend_writes_rejected_total} by a
 * reason named after the status. Fed by Javalin's request logger, after the response.
 */
public final class RequestMetrics {
  /** Requests that matched no route: static page files, or 404s. */
  static final String STATIC = "static";

  static final String UNMATCHED = "unmatched";

  /** The reason label of each refusal status; anything else counts as "failed". */
  private static final Map<Integer, String> REASONS =
      Map.of(
          400, "invalid_input",
          404, "not_found",
          405, "method_not_allowed",
          409, "conflict",
          413, "too_large",
          415, "unsupported_media_type",
          503, "database_unavailable");

  private final MeterRegistry registry;
  private final Map<String, Counter> rejected = new java.util.HashMap<>();

  public RequestMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (String reason : REASONS.values()) {
      rejected.put(reason, rejectedCounter(reason));
    }
    rejected.put("failed", rejectedCounter("failed"));
  }

  private Counter rejectedCounter(String reason) {
    return Counter.builder("roomcast.backend.writes.rejected")
        .description("write requests refused, by reason")
        .tag("reason", reason)
        .register(registry);
  }

  /** Records one finished request; the signature of Javalin's request logger. */
  public void record(Context ctx, Float millis) {
    int status = ctx.statusCode();
    String method = ctx.method().name();
    Timer.builder("roomcast.http.requests")
        .description("HTTP requests by method, route template and status")
        .tags("method", method, "route", route(ctx, status), "status", Integer.toString(status))
        .register(registry)
        .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
    if (status >= 400 && isWrite(method)) {
      rejected.get(REASONS.getOrDefault(status, "failed")).increment();
    }
  }

  private static String route(Context ctx, int status) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    if (endpoint != null) {
      return endpoint.path;
    }
    return status == 404 ? UNMATCHED : STATIC;
  }

  private static boolean isWrite(String method) {
    return switch (method) {
      case "POST", "PUT", "PATCH", "DELETE" -> true;
      default -> false;
    };
  }
}
