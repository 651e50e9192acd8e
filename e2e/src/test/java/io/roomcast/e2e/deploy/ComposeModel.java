package io.roomcast.e2e.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The compose file as docker-compose itself resolves it ({@code docker-compose config}: anchors
 * merged, paths absolute), read into a JSON tree.
 */
public final class ComposeModel {
  private final JsonNode root;

  private ComposeModel(JsonNode root) {
    this.root = root;
  }

  public static ComposeModel load(Path dockerCompose, Path repoRoot) {
    ExternalTool.Result resolved =
        ExternalTool.run(
            List.of(dockerCompose.toString(), "-f", "docker-compose.yml", "config"),
            repoRoot,
            Duration.ofMinutes(1));
    assertTrue(resolved.succeeded(), "docker-compose config failed:\n" + resolved.output());
    try {
      return new ComposeModel(new ObjectMapper(new YAMLFactory()).readTree(resolved.output()));
    } catch (IOException e) {
      throw new UncheckedIOException("docker-compose config printed no valid YAML", e);
    }
  }

  public JsonNode service(String name) {
    JsonNode service = root.path("services").path(name);
    assertTrue(service.isObject(), "docker-compose.yml has no service " + name);
    return service;
  }

  public List<String> serviceNames() {
    List<String> names = new ArrayList<>();
    root.path("services").fieldNames().forEachRemaining(names::add);
    return names;
  }

  public List<String> volumeNames() {
    List<String> names = new ArrayList<>();
    root.path("volumes").fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** A volume mount of a service: a named volume or a host path, and where it is mounted. */
  public record Mount(String source, String target) {}

  /**
   * The service's mounts, whichever syntax docker-compose prints: Compose v1 the short form {@code
   * source:target[:mode]}, Compose v2 objects with {@code source} and {@code target}.
   */
  public List<Mount> mounts(String service) {
    List<Mount> mounts = new ArrayList<>();
    for (JsonNode volume : service(service).path("volumes")) {
      if (volume.isTextual()) {
        String[] parts = volume.asText().split(":");
        mounts.add(new Mount(parts[0], parts[1]));
      } else {
        mounts.add(new Mount(volume.path("source").asText(), volume.path("target").asText()));
      }
    }
    return mounts;
  }

  /** An environment variable of a service, or null. */
  public String env(String service, String name) {
    JsonNode value = service(service).path("environment").path(name);
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }
}
