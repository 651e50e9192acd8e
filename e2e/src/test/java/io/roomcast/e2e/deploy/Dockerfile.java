package io.roomcast.e2e.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Dockerfile split into its build stages and instructions (continuation lines joined, comments
 * dropped): enough to check what an image runs, as whom, and what it copies from the context.
 */
public record Dockerfile(String name, List<Stage> stages) {
  /** One stage: its FROM line and the instructions after it. */
  public record Stage(String from, List<String> instructions) {
    /** Instructions starting with the keyword, e.g. {@code USER}. */
    public List<String> all(String keyword) {
      return instructions.stream()
          .filter(i -> i.regionMatches(true, 0, keyword + " ", 0, keyword.length() + 1))
          .map(i -> i.substring(keyword.length() + 1).trim())
          .toList();
    }
  }

  public static Dockerfile read(Path file) {
    List<String> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    try {
      for (String line : Files.readAllLines(file)) {
        String trimmed = line.trim();
        if (current.length() == 0 && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
          continue;
        }
        if (trimmed.endsWith("\\")) {
          current.append(trimmed, 0, trimmed.length() - 1).append(' ');
        } else {
          instructions.add(current.append(trimmed).toString());
          current.setLength(0);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Stage> stages = new ArrayList<>();
    for (String instruction : instructions) {
      if (instruction.regionMatches(true, 0, "FROM ", 0, 5)) {
        stages.add(new Stage(instruction.substring(5).trim(), new ArrayList<>()));
      } else if (!stages.isEmpty()) {
        stages.get(stages.size() - 1).instructions().add(instruction);
      }
    }
    return new Dockerfile(file.getFileName().toString(), List.copyOf(stages));
  }

  /** The stage named {@code AS name}. */
  public Stage stage(String name) {
    return stages.stream()
        .filter(stage -> stage.from().toLowerCase(java.util.Locale.ROOT).endsWith(" as " + name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name() + " has no stage named " + name));
  }

  /** The stage the image is made of: the last one. */
  public Stage runtime() {
    return stages.get(stages.size() - 1);
  }

  /** Sources of COPY instructions that come from the build context (not another stage). */
  public List<String> contextSources() {
    List<String> sources = new ArrayList<>();
    for (Stage stage : stages) {
      for (String copy : stage.all("COPY")) {
        List<String> words = List.of(copy.split("\\s+"));
        if (words.stream().anyMatch(w -> w.startsWith("--from="))) {
          continue;
        }
        List<String> paths = words.stream().filter(w -> !w.startsWith("--")).toList();
        sources.addAll(paths.subList(0, paths.size() - 1));
      }
    }
    return sources;
  }
}
