package io.roomcast.backend.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends fuzz cases over real HTTP from a few worker threads sharing one keep-alive client, and
 * tallies each reply: any 5xx, missing reply or 4xx without a JSON {@code {"error"}} body is a
 * failure.
 */
final class FuzzClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final int workerCount;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  FuzzClient(String baseUrl, int workerCount) {
    this.baseUrl = baseUrl;
    this.workerCount = workerCount;
  }

  /** Sends cases 0 to requests - 1, worker w taking those whose index is w modulo workers. */
  void send(FuzzCases cases, long requests, FuzzTally tally) throws Exception {
    ExecutorService workers = Executors.newFixedThreadPool(workerCount);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < workerCount; w++) {
        int worker = w;
        done.add(
            workers.submit(
                () -> {
                  for (long i = worker; i < requests; i += workerCount) {
                    exchange(i, cases.get(i), tally);
                  }
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      workers.shutdownNow();
    }
  }

  private void exchange(long index, FuzzCase fuzzCase, FuzzTally tally)
      throws InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + fuzzCase.path()))
            .timeout(Duration.ofSeconds(30))
            .method(
                fuzzCase.method(),
                fuzzCase.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(fuzzCase.body()));
    if (fuzzCase.contentType() != null) {
      request.header("Content-Type", fuzzCase.contentType());
    }
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      tally.failure(index, fuzzCase, "no reply (" + e + ")");
      return;
    }
    int status = response.statusCode();
    tally.reply(fuzzCase, status);
    if (status >= 500) {
      tally.failure(index, fuzzCase, "status " + status + " " + response.body());
    } else if (status >= 400
        && !"HEAD".equals(fuzzCase.method())
        && !isJsonError(response.body())) {
      tally.failure(index, fuzzCase, "not a JSON error body: " + status + " " + response.body());
    }
  }

  private static boolean isJsonError(String body) {
    try {
      JsonNode error = JSON.readTree(body).path("error");
      return error.isTextual() && !error.asText().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }
}
