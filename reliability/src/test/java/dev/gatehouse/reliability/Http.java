package dev.gatehouse.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The suite's HTTP client: one JDK {@link HttpClient} (HTTP/1.1, its own small completion pool), so
 * that hundreds of long polls wait on sockets, not threads; HTTPS trusts the suite's own CA file.
 */
final class Http implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** One answer: status, headers and body. */
  record Answer(String request, int status, HttpHeaders headers, String body) {
    JsonNode json() {
      try {
        return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException(request + " did not answer JSON: " + body, e);
      }
    }

    Answer expect(int... statuses) {
      for (int s : statuses) {
        if (s == status) {
          return this;
        }
      }
      throw new AssertionError(request + " answered " + status + " " + body);
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  private final ExecutorService completions = Executors.newFixedThreadPool(4, r -> {
    Thread t = new Thread(r, "reliability-http");
    t.setDaemon(true);
    return t;
  });
  private final HttpClient client;

  Http(Path caFile) {
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(completions)
        .sslContext(trusting(caFile)).connectTimeout(Duration.ofSeconds(5)).build();
  }

  CompletableFuture<Answer> send(String method, String url, String token, String body, Duration timeout) {
    return send(method, url, token, body, timeout, Map.of());
  }

  CompletableFuture<Answer> send(String method, String url, String token, String body, Duration timeout,
      Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null && !headers.containsKey("Content-Type")) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(r -> new Answer(method + " " + url, r.statusCode(), r.headers(), r.body()));
  }

  /** A blocking call with a 60 s limit. */
  Answer call(String method, String url, String token, String body) {
    try {
      return send(method, url, token, body, Duration.ofSeconds(60)).get(70, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + url + " failed: " + e, e);
    }
  }

  private static SSLContext trusting(Path caFile) {
    try (InputStream in = Files.newInputStream(caFile)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca" + i++, cert);
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (Exception e) {
      throw new IllegalStateException("cannot trust " + caFile, e);
    }
  }

  @Override
  public void close() {
    completions.shutdownNow();
  }
}
