package io.roomcast.e2e.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's root directory, found from wherever the test runs (Maven starts the e2e tests in
 * the module directory, an IDE may start them in the root), by walking up to the directory that
 * holds both the reactor pom and the compose file.
 */
public final class RepoRoot {
  private RepoRoot() {}

  public static Path find() {
    Path start = Path.of("").toAbsolutePath().normalize();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("docker-compose.yml"))
          && Files.isRegularFile(dir.resolve("pom.xml"))
          && Files.isDirectory(dir.resolve("e2e"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no Roomcast repository root above " + start);
  }

  /** A file under the root that must exist. */
  public static Path file(String relative) {
    Path file = find().resolve(relative);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("missing " + relative + " under " + find());
    }
    return file;
  }
}
