package dev.gatehouse.adapter.duo;

import feign.Request;
import feign.Response;
import feign.http2client.Http2Client;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * feign-java11's {@link Http2Client} on one shared JDK {@link HttpClient}, with the asynchronous
 * path reading each answer fully before Feign decodes it. Http2Client's own asynchronous path
 * hands Feign an {@code InputStream} that is read on the client's executor, which can starve a
 * small executor under thousands of concurrent long polls; a buffered body cannot. The JDK hands
 * each answer over on its own default executor; the answer is moved on to Gatehouse's bounded
 * I/O executor at once, so decoding never depends on a pool shared with the rest of the JVM.
 * Cancelling the answer (see {@link #tracking}) aborts the exchange.
 */
final class DuoHttpClient extends Http2Client {
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
  /**
   * Told of each exchange begun on this thread by {@link #tracking}'s call: Feign does not pass a
   * cancellation of its own future on to the client's, so the caller gets the exchange itself.
   */
  private static final ThreadLocal<Consumer<CompletableFuture<?>>> BEGUN = new ThreadLocal<>();

  private final HttpClient client;
  private final Executor decoding;
  private final DuoRequestListener listener;

  DuoHttpClient(HttpClient client, Executor decoding, DuoRequestListener listener) {
    super(client);
    this.client = client;
    this.decoding = decoding;
    this.listener = listener;
  }

  @Override
  public CompletableFuture<Response> execute(Request request, Request.Options options,
      Optional<Object> requestContext) {
    HttpRequest httpRequest;
    try {
      httpRequest = toHttpRequest(request, options);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    HttpResponse.BodyHandler<InputStream> buffered = info -> HttpResponse.BodySubscribers.mapping(
        HttpResponse.BodySubscribers.ofByteArray(), ByteArrayInputStream::new);
    String endpoint = DuoRequestListener.endpoint(request.url());
    long started = System.nanoTime();
    CompletableFuture<HttpResponse<InputStream>> sent = client.sendAsync(httpRequest, buffered);
    CompletableFuture<Response> answer = sent.handleAsync((response, error) -> {
      if (error instanceof CancellationException abandoned) {
        throw abandoned; // not an answer, nor a failure of Duo's
      }
      listener.answered(endpoint, DuoRequestListener.result(error == null ? response.statusCode() : 0),
          Duration.ofNanos(System.nanoTime() - started));
      if (error != null) {
        throw error instanceof CompletionException completion ? completion : new CompletionException(error);
      }
      return toFeignResponse(request, response);
    }, decoding);
    // A caller that gives up on the answer (a long poll nobody follows any more) aborts the
    // exchange: the JDK client closes its connection instead of leaving it parked at Duo.
    answer.whenComplete((response, error) -> {
      if (answer.isCancelled()) {
        sent.cancel(true);
      }
    });
    Consumer<CompletableFuture<?>> begun = BEGUN.get();
    if (begun != null) {
      begun.accept(answer);
    }
    return answer;
  }

  /**
   * Makes the request {@code call} makes (through Feign, on this thread), handing {@code begun}
   * its exchange: cancelling that aborts the request.
   */
  static <T> T tracking(Consumer<CompletableFuture<?>> begun, Supplier<T> call) {
    BEGUN.set(begun);
    try {
      return call.get();
    } finally {
      BEGUN.remove();
    }
  }

  private HttpRequest toHttpRequest(Request request, Request.Options options) {
    byte[] body = request.body();
    HttpRequest.Builder builder = HttpRequest.newBuilder()
        .uri(URI.create(request.url()))
        .timeout(Duration.ofMillis(options.readTimeoutMillis()))
        .method(request.httpMethod().name(),
            body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    boolean accept = false;
    for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
      String name = header.getKey();
      if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
        continue;
      }
      accept |= name.equalsIgnoreCase("Accept");
      for (String value : header.getValue()) {
        builder.header(name, value);
      }
    }
    if (!accept) {
      builder.header("Accept", "*/*");
    }
    return builder.build();
  }
}
