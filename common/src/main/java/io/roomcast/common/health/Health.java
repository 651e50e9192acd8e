package io.roomcast.common.health;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The answer of a health endpoint ({@code /health/live}, {@code /health/ready}): every check with
 * its outcome. Ready means every check passed (HTTP 200); otherwise 503, and the JSON body names
 * the checks that failed and why, e.g. {@code {"status":"not ready","failed":["stream app"],
 * "checks":[{"name":"stream app","ok":false,"detail":"lag 42 s > READY_MAX_LAG=30 s"}]}}.
 *
 * @param checks the outcomes, in a stable order
 */
public record Health(List<Check> checks) {
  public static final int OK = 200;
  public static final int UNAVAILABLE = 503;

  /** One check: a short name, whether it passed, and a one-line detail. */
  public record Check(String name, boolean ok, String detail) {
    public static Check passed(String name, String detail) {
      return new Check(name, true, detail);
    }

    public static Check failed(String name, String detail) {
      return new Check(name, false, detail);
    }
  }

  public static Health of(Check... checks) {
    return new Health(List.of(checks));
  }

  public boolean ok() {
    return checks.stream().allMatch(Check::ok);
  }

  /** 200 when every check passed, else 503. */
  public int httpStatus() {
    return ok() ? OK : UNAVAILABLE;
  }

  /** The JSON body. */
  public String json() {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode body = nodes.objectNode().put("status", ok() ? "ok" : "unavailable");
    var failed = body.putArray("failed");
    var all = body.putArray("checks");
    for (Check check : checks) {
      if (!check.ok()) {
        failed.add(check.name());
      }
      all.addObject().put("name", check.name()).put("ok", check.ok()).put("detail", check.detail());
    }
    return body.toString();
  }
}
