package io.roomcast.e2e.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.roomcast.e2e.deploy.RepoRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The docs stay true to the tree: their links lead somewhere, the classes they name exist. */
class DocsTest {
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");
  private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");
  private static final Pattern CLASS_NAME =
      Pattern.compile(
          "(?<![\\w])(?:io\\.roomcast\\.[a-z.]+\\.)?([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+)");

  /** Socket.IO event names of the protocol: written like classes, but not classes. */
  private static final Set<String> EVENT_NAMES = Set.of("JoinRoom", "LeaveRoom", "Authenticate");

  @Test
  void everyRelativeLinkAndAnchorExists() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path doc : documents()) {
      Matcher link = LINK.matcher(read(doc));
      while (link.find()) {
        String target = link.group(1);
        if (target.matches("^[a-z]+:.*")) {
          continue; // http(s), mailto: not ours to check offline
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        Path file = path.isEmpty() ? doc : doc.getParent().resolve(path).normalize();
        if (!Files.exists(file)) {
          broken.add(name(doc) + ": " + target + " (no such file)");
        } else if (hash >= 0 && !anchors(file).contains(target.substring(hash + 1))) {
          broken.add(name(doc) + ": " + target + " (no such heading)");
        }
      }
    }
    assertEquals(List.of(), broken, "broken links in the docs");
  }

  @Test
  void everyClassNamedInTheArchitectureNotesExists() throws IOException {
    Set<String> sources = sourceFileNames();
    Set<String> missing = new TreeSet<>();
    Matcher span = CODE_SPAN.matcher(read(RepoRoot.file("docs/architecture.md")));
    while (span.find()) {
      Matcher name = CLASS_NAME.matcher(span.group(1));
      while (name.find()) {
        if (!sources.contains(name.group(1)) && !EVENT_NAMES.contains(name.group(1))) {
          missing.add(name.group(1));
        }
      }
    }
    assertEquals(Set.of(), missing, "classes named in docs/architecture.md but not in the tree");
  }

  private static List<Path> documents() throws IOException {
    try (Stream<Path> docs = Files.list(RepoRoot.find().resolve("docs"))) {
      List<Path> all = new ArrayList<>(docs.filter(p -> name(p).endsWith(".md")).sorted().toList());
      all.add(RepoRoot.file("README.md"));
      return all;
    }
  }

  /** GitHub's heading anchors: lowercase, punctuation dropped, spaces to hyphens. */
  private static Set<String> anchors(Path file) {
    if (!name(file).endsWith(".md")) {
      return Set.of();
    }
    return HEADING
        .matcher(read(file))
        .results()
        .map(
            heading ->
                heading
                    .group(1)
                    .trim()
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-'))
        .collect(Collectors.toSet());
  }

  private static Set<String> sourceFileNames() throws IOException {
    try (Stream<Path> files = Files.walk(RepoRoot.find())) {
      return files
          .filter(p -> !p.toString().contains("/node_modules/") && name(p).endsWith(".java"))
          .map(p -> name(p).substring(0, name(p).length() - ".java".length()))
          .collect(Collectors.toSet());
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String name(Path file) {
    return file.getFileName().toString();
  }
}
