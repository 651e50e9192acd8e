package io.roomcast.embedded.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Prometheus scrape, as Prometheus does it: {@code GET /metrics} over HTTP, the text format read
 * into samples (name, labels, value). Shared by every module's metrics tests.
 */
public final class Scrape {
  /** One sample line. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private static final Pattern LINE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})?\\s+(\\S+)(?:\\s+\\S+)?");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private static final Pattern UUID_TEXT =
      Pattern.compile("(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}");
  private static final Pattern ADDRESS =
      Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|\\[?[0-9a-f:]*::");

  private final List<Sample> samples;

  private Scrape(List<Sample> samples) {
    this.samples = samples;
  }

  /** Scrapes the URL; fails unless it answers 200. */
  public static Scrape of(String url) {
    Http.Reply reply = Http.fetch(url);
    if (reply.status() != 200) {
      throw new AssertionError(url + " answered " + reply.status() + ": " + reply.body());
    }
    return parse(reply.body());
  }

  /** Reads Prometheus' text format; comment lines are skipped, anything else must parse. */
  public static Scrape parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher matcher = LINE.matcher(line);
      if (!matcher.matches()) {
        throw new AssertionError("not a Prometheus sample line: " + line);
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (matcher.group(2) != null) {
        Matcher label = LABEL.matcher(matcher.group(2));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      samples.add(new Sample(matcher.group(1), labels, Double.parseDouble(matcher.group(3))));
    }
    return new Scrape(List.copyOf(samples));
  }

  public List<Sample> samples() {
    return samples;
  }

  /** Whether any sample has this name (a histogram's buckets are {@code <name>_bucket}). */
  public boolean has(String name) {
    return samples.stream().anyMatch(sample -> sample.name().equals(name));
  }

  /**
   * Labels that must never be: a UUID, one of the given values (documents' contents, rooms), or a
   * network address (but {@code server_address}, which names a configured MongoDB host). Returns
   * each offending {@code name{label=value}}.
   */
  public List<String> privateLabels(String... values) {
    List<String> offending = new ArrayList<>();
    for (Sample sample : samples) {
      sample
          .labels()
          .forEach(
              (label, value) -> {
                boolean leaks =
                    UUID_TEXT.matcher(value).find()
                        || List.of(values).stream().anyMatch(value::contains)
                        || (!label.equals("server_address") && ADDRESS.matcher(value).find());
                if (leaks) {
                  offending.add(sample.name() + "{" + label + "=" + value + "}");
                }
              });
    }
    return offending;
  }

  /** The value of the sample with this name and (at least) these labels. */
  public Optional<Double> value(String name, Map<String, String> labels) {
    return samples.stream()
        .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
        .map(Sample::value)
        .findFirst();
  }

  /** The value of the sample with this name and these labels, as "name=value" pairs. */
  public double value(String name, String... labelPairs) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String pair : labelPairs) {
      String[] parts = pair.split("=", 2);
      labels.put(parts[0], parts[1]);
    }
    return value(name, labels)
        .orElseThrow(() -> new AssertionError("no sample " + name + labels + " in the scrape"));
  }
}
