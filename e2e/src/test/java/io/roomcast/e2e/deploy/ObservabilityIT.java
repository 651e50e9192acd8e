package io.roomcast.e2e.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roomcast.e2e.testing.JavaSocketClient;
import io.roomcast.e2e.testing.RoomScenario;
import io.roomcast.e2e.testing.Stack;
import io.roomcast.embedded.testing.Scrape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code observe} compose profile's files: promtool accepts the Prometheus configuration (and
 * refuses a broken copy), the Grafana dashboard parses, and every metric its queries name is
 * exported by a running stack (socket server and backend, scraped after real traffic).
 */
class ObservabilityIT {
  private static final String PROMETHEUS_CONFIG = "docker/observe/prometheus.yml";
  private static final String DASHBOARD = "docker/observe/grafana/dashboards/roomcast.json";

  /** Metric names in a PromQL expression: Roomcast's, the driver's and the JVM's. */
  private static final Pattern METRIC =
      Pattern.compile("\\b((?:roomcast|mongodb|jvm|process|system)_[a-z0-9_]+)\\b");

  @TempDir Path temp;

  @Test
  void promtoolAcceptsThePrometheusConfigAndRefusesABrokenOne() throws Exception {
    Path promtool = ExternalTool.require("promtool", "prometheus");
    ExternalTool.Result valid =
        ExternalTool.run(
            List.of(promtool.toString(), "check", "config", PROMETHEUS_CONFIG),
            RepoRoot.find(),
            Duration.ofMinutes(1));
    assertTrue(valid.succeeded(), valid.output());
    Path broken = temp.resolve("prometheus.yml");
    Files.writeString(
        broken,
        Files.readString(RepoRoot.file(PROMETHEUS_CONFIG))
            .replace("scrape_interval: 15s", "scrape_interval: soon"));
    ExternalTool.Result refused =
        ExternalTool.run(
            List.of(promtool.toString(), "check", "config", broken.toString()),
            temp,
            Duration.ofMinutes(1));
    assertFalse(refused.succeeded(), "promtool accepted a broken config");
  }

  @Test
  void everyMetricTheDashboardQueriesIsExportedByARunningStack() throws Exception {
    Set<String> queried = queriedMetrics();
    assertTrue(queried.size() >= 10, "dashboard queries: " + queried);
    Set<String> exported = new TreeSet<>();
    try (Stack stack = Stack.start()) {
      // Real traffic, so that meters created on first use (per route, per collection) exist.
      RoomScenario.run(stack, (url, rooms) -> JavaSocketClient.join(url, "websocket", rooms));
      for (String url : List.of(stack.socketAdminUrl(), stack.backendUrl())) {
        Scrape.of(url + "/metrics").samples().forEach(sample -> exported.add(sample.name()));
      }
    }
    List<String> missing = new ArrayList<>();
    for (String metric : queried) {
      if (!exported.contains(metric)) {
        missing.add(metric);
      }
    }
    assertEquals(List.of(), missing, "queried by the dashboard but not exported");
  }

  private static Set<String> queriedMetrics() throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(RepoRoot.file(DASHBOARD).toFile());
    assertEquals("roomcast", dashboard.path("uid").asText());
    Set<String> metrics = new TreeSet<>();
    for (JsonNode panel : dashboard.path("panels")) {
      assertFalse(panel.path("targets").isEmpty(), panel.path("title") + " has no query");
      for (JsonNode target : panel.path("targets")) {
        Matcher metric = METRIC.matcher(target.path("expr").asText());
        while (metric.find()) {
          metrics.add(metric.group(1));
        }
      }
    }
    return metrics;
  }
}
