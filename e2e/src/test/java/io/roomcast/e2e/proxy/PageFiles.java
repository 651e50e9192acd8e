package io.roomcast.e2e.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The page's static files as the front image gets them: the {@code roomcast-web/} tree of the
 * web-client jar, copied to a directory nginx serves. {@link #readableByAll} lets nginx workers,
 * which run as an unprivileged user when the test runs as root, read them.
 */
final class PageFiles {
  static final String ROOT = "roomcast-web";

  private PageFiles() {}

  static Path extract(Path target) {
    URL index = PageFiles.class.getClassLoader().getResource(ROOT + "/index.html");
    if (index == null) {
      throw new IllegalStateException(
          ROOT + "/index.html is not on the test classpath (web-client)");
    }
    try {
      URI uri = index.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          copyTree(jar.getPath("/" + ROOT), target);
        }
      } else {
        copyTree(Path.of(uri).getParent(), target);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void copyTree(Path source, Path target) throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(source)) {
      paths = walk.toList();
    }
    for (Path path : paths) {
      Path destination = target.resolve(source.relativize(path).toString());
      if (Files.isDirectory(path)) {
        Files.createDirectories(destination);
      } else {
        Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /**
   * Makes a directory tree the test created traversable and readable by all (nothing above it is
   * touched: the test's temp directory is the top).
   */
  static void readableByAll(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.toList()) {
        path.toFile().setReadable(true, false);
        if (Files.isDirectory(path)) {
          path.toFile().setExecutable(true, false);
        }
      }
    }
  }
}
