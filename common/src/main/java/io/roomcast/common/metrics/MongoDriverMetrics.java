package io.roomcast.common.metrics;

import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandEvent;
import com.mongodb.event.CommandSucceededEvent;
import com.mongodb.event.ConnectionPoolCreatedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.mongodb.MongoMetricsCommandListener;
import io.micrometer.core.instrument.binder.mongodb.MongoMetricsConnectionPoolListener;

/**
 * The MongoDB driver's command timings ({@code mongodb_driver_commands_seconds}) and connection
 * pool sizes ({@code mongodb_driver_pool_*}) through Micrometer's own listeners. Their default
 * labels include the cluster id, a new random value per client, so each process restart would start
 * new series; these keep only the command, its outcome and the server's address (one of the
 * configured MongoDB hosts).
 */
public final class MongoDriverMetrics {
  private MongoDriverMetrics() {}

  /** Adds both listeners to the client settings being built. */
  public static MongoClientSettings.Builder instrument(
      MongoClientSettings.Builder settings, MeterRegistry registry) {
    return settings
        .addCommandListener(
            new MongoMetricsCommandListener(registry, MongoDriverMetrics::commandTags))
        .applyToConnectionPoolSettings(
            pool ->
                pool.addConnectionPoolListener(
                    new MongoMetricsConnectionPoolListener(
                        registry, MongoDriverMetrics::poolTags)));
  }

  private static Iterable<Tag> commandTags(CommandEvent event) {
    return Tags.of(
        "command",
        event.getCommandName(),
        "status",
        event instanceof CommandSucceededEvent ? "SUCCESS" : "FAILED");
  }

  private static Iterable<Tag> poolTags(ConnectionPoolCreatedEvent event) {
    return Tags.of("server_address", event.getServerId().getAddress().toString());
  }
}
