package dev.gatehouse.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's HTTP client: one JDK {@link HttpClient} (HTTP/1.1, kept-alive connections, its
 * own selector thread and a small fixed pool for completions), so that thousands of long polls
 * wait on sockets, not threads.
 */
final class Rest implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** An answer: status and body as JSON (an empty object when there is none). */
  record Answer(int status, JsonNode json) {
    Answer expect(int... statuses) {
      for (int s : statuses) {
        if (s == status) {
          return this;
        }
      }
      throw new IllegalStateException("HTTP " + status + ": " + json.path("detail").asText(json.toString()));
    }
  }

  private final ExecutorService completions;
  private final HttpClient client;

  Rest(int completionThreads) {
    completions = Executors.newFixedThreadPool(completionThreads, r -> {
      Thread t = new Thread(r, "bench-http");
      t.setDaemon(true);
      return t;
    });
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(completions)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  CompletableFuture<Answer> send(String method, String url, String token, String body, Duration timeout) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(r -> new Answer(r.statusCode(), parse(r.body())));
  }

  /** A blocking call with a 60 s timeout, for setup steps. */
  Answer call(String method, String url, String token, String body) {
    try {
      return send(method, url, token, body, Duration.ofSeconds(60)).get(70, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + url + " failed: " + Benchmark.rootMessage(e), e);
    }
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode().put("detail", new String(body, 0, Math.min(body.length, 200)));
    }
  }

  @Override
  public void close() {
    completions.shutdownNow();
  }
}
