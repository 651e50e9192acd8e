package io.roomcast.backend.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Draws fuzz cases: valid requests (so that some write), mutated JSON bodies, odd paths and UUIDs,
 * bad methods and content types, oversized and deeply nested bodies, for {@code POST /update} and
 * {@code /api/{db}/{collection}/{uuid}}. Case {@code i} of seed {@code s} is always the same.
 */
final class FuzzCases {
  static final String JSON = "application/json";
  private static final String API = "/api/app/test/";

  private static final String[] CONTENT_TYPES = {
    JSON + "; charset=utf-8",
    "text/plain",
    "application/json-patch+json",
    "application/jsonx",
    "multipart/form-data; boundary=x",
    "application/x-www-form-urlencoded",
    "APPLICATION/JSON",
    "application/json; charset=utf-16",
    "*/*",
    ""
  };

  private static final String[] METHODS = {
    "TRACE", "BREW", "OPTIONS", "HEAD", "PROPFIND", "PURGE", "get", "POST", "PUT", "DELETE"
  };

  private static final String[] ODD_PATHS = {
    "/api/app/other/", "/api/admin/system.users/", "/api/app/$cmd/", "/api//test/", "/api/app/",
    "/api/app/test/%2e%2e/", "/api/app/test/x/", "/update/", "/api/app/test.x/", "/API/app/test/",
    "/api/%00/test/", "/api/app/test%2F", "/update;x=1/", "/config.json/"
  };

  /** UUID-like path parts: non-ASCII digits (percent-encoded UTF-8), wrong shapes, encodings. */
  private static final String[] ODD_UUIDS = {
    "%EF%BC%93b241101-e2bb-4255-8caf-4136c566a962",
    "%D9%A3b241101-e2bb-4255-8caf-4136c566a962",
    "%EF%BD%82b241101-e2bb-4255-8caf-4136c566a962",
    "1-2-3-4-5",
    "3b241101e2bb42558caf4136c566a962",
    "3b241101-e2bb-4255-8caf-4136c566a96",
    "%7B3b241101-e2bb-4255-8caf-4136c566a962%7D",
    "3B241101-E2BB-4255-8CAF-4136C566A962",
    "%20",
    "null",
    "..",
    "%00",
    "x".repeat(3000),
    "3b241101-e2bb-4255-8caf-4136c566a962%00"
  };

  private final long seed;
  private final List<String> uuids;
  private final int maxBodyBytes;

  FuzzCases(long seed, List<String> uuids, int maxBodyBytes) {
    this.seed = seed;
    this.uuids = List.copyOf(uuids);
    this.maxBodyBytes = maxBodyBytes;
  }

  FuzzCase get(long index) {
    Random random = new Random(seed * 1_000_003L + index);
    // By index: with a worker per residue class (see BodyFuzzIT), no two workers ever write the
    // same document at once, so what each 2xx reply reports is exactly what was written.
    String uuid = uuids.get((int) (index % uuids.size()));
    int roll = random.nextInt(100);
    if (roll < 10) {
      return valid(random, uuid);
    }
    if (roll < 55) {
      FuzzCase base = valid(random, uuid);
      return new FuzzCase(
          "mutated-body",
          base.method(),
          base.path(),
          JSON,
          Mutations.mutate(base.body() == null ? new byte[0] : base.body(), random));
    }
    if (roll < 65) {
      return oddKeys(random, uuid);
    }
    if (roll < 73) {
      return oddPath(random);
    }
    if (roll < 80) {
      String method = Mutations.pick(METHODS, random);
      String path = random.nextBoolean() ? "/update" : API + uuid;
      return new FuzzCase("method", method, path, JSON, body("{\"data\":1}"));
    }
    if (roll < 87) {
      FuzzCase base = valid(random, uuid);
      String type = Mutations.pick(CONTENT_TYPES, random);
      return new FuzzCase("content-type", base.method(), base.path(), type, base.body());
    }
    if (roll < 93) {
      return deep(random, uuid);
    }
    return sized(random, uuid);
  }

  private FuzzCase valid(Random random, String uuid) {
    String data = "{\"n\":" + random.nextInt(1000) + ",\"s\":\"v\",\"list\":[1,2,{\"k\":null}]}";
    switch (random.nextInt(6)) {
      case 0:
        return json("valid", "PUT", API + uuid, data);
      case 1:
        return json("valid", "PATCH", API + uuid, data);
      case 2:
        return new FuzzCase("valid", "DELETE", API + uuid, null, null);
      case 3:
        return new FuzzCase("valid", "GET", API + uuid, null, null);
      case 4:
        return json("valid", "POST", "/update", "{\"data\":" + data + "}");
      default:
        return json(
            "valid", "POST", "/update", "{\"uuid\":\"" + uuid + "\",\"data\":" + data + "}");
    }
  }

  private FuzzCase oddKeys(Random random, String uuid) {
    String key = Mutations.pick(Mutations.KEYS, random);
    String value = Mutations.pick(Mutations.VALUES, random);
    String nested = "{\"" + key + "\":" + value + "}";
    if (random.nextBoolean()) {
      return json(
          "odd-keys", "POST", "/update", "{\"uuid\":\"" + uuid + "\",\"data\":" + nested + "}");
    }
    String method = random.nextBoolean() ? "PUT" : "PATCH";
    String body = random.nextBoolean() ? nested : "{\"a\":[" + nested + "]}";
    return json("odd-keys", method, API + uuid, body);
  }

  private FuzzCase oddPath(Random random) {
    String prefix = random.nextBoolean() ? API : Mutations.pick(ODD_PATHS, random);
    String path = prefix + Mutations.pick(ODD_UUIDS, random);
    String method = Mutations.pick(new String[] {"GET", "PUT", "PATCH", "DELETE", "POST"}, random);
    boolean withBody = !"GET".equals(method) && !"DELETE".equals(method);
    return new FuzzCase(
        "odd-path", method, path, withBody ? JSON : null, withBody ? body("{\"a\":1}") : null);
  }

  private FuzzCase deep(Random random, String uuid) {
    int depth = new int[] {98, 99, 100, 101, 1000, 5000}[random.nextInt(6)];
    boolean arrays = random.nextBoolean();
    String open = arrays ? "[" : "{\"a\":";
    String close = arrays ? "]" : "}";
    String nested = open.repeat(depth) + "1" + close.repeat(depth);
    if (random.nextBoolean()) {
      return json("deep", "POST", "/update", "{\"uuid\":\"" + uuid + "\",\"data\":" + nested + "}");
    }
    return json("deep", "PUT", API + uuid, "{\"a\":" + nested + "}");
  }

  private FuzzCase sized(Random random, String uuid) {
    int length =
        new int[] {0, 1, maxBodyBytes - 40, maxBodyBytes - 20, maxBodyBytes, maxBodyBytes * 2}
            [random.nextInt(6)];
    String filler = "x".repeat(Math.max(0, length));
    String text = "{\"uuid\":\"" + uuid + "\",\"data\":\"" + filler + "\"}";
    byte[] bytes = body(text);
    if (random.nextBoolean()) {
      bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
    }
    return new FuzzCase("sized", "POST", "/update", JSON, bytes);
  }

  private static FuzzCase json(String kind, String method, String path, String text) {
    return new FuzzCase(kind, method, path, JSON, body(text));
  }

  private static byte[] body(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
