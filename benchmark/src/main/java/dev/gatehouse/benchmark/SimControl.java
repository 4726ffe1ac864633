package dev.gatehouse.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** The simulator's control API ({@code /_sim/...}, HTTPS with the simulator's own certificate). */
final class SimControl implements AutoCloseable {
  private final String base;
  private final HttpClient http;

  SimControl(String base, Path caFile) throws Exception {
    this.base = base;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(Floor.trusting(caFile))
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  JsonNode call(String method, String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json").build();
    HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    JsonNode json = Rest.JSON.readTree(answer.body());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("simulator " + method + " " + path + " answered " + answer.statusCode() + " "
          + json);
    }
    return json;
  }

  @Override
  public void close() {
    // The JDK client has no close on 17; its connections go with the simulator.
  }
}
