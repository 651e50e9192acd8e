package io.roomcast.common.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * One process component's metrics: a Prometheus registry with the JVM's memory (heap, non-heap,
 * direct buffers), GC, threads, classes, CPU and uptime already bound. Each component (socket
 * server, backend) owns one and serves {@link #scrape()} on {@code GET /metrics}.
 */
public final class ProcessMetrics implements AutoCloseable {
  /** The content type of Prometheus' text exposition format. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private final JvmGcMetrics gc = new JvmGcMetrics();

  private ProcessMetrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  /** A registry with the JVM meters bound; closing it stops the GC listener. */
  public static ProcessMetrics create() {
    ProcessMetrics metrics =
        new ProcessMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    bindJvm(metrics.registry, metrics.gc);
    return metrics;
  }

  private static void bindJvm(MeterRegistry registry, JvmGcMetrics gc) {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Every meter in Prometheus' text format. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
