package dev.gatehouse.adapter.duo;

import feign.AsyncClient;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpField;

/**
 * Feign's asynchronous client on the one shared Jetty {@link HttpClient}. Each answer is read in
 * full (Duo's answers are small) and handed on to Gatehouse's bounded I/O executor before Feign
 * decodes it, so decoding never runs on Jetty's selector. A request waiting for Duo's answer (an
 * {@code auth_status} long poll) holds a connection but no buffer and no thread: Jetty takes its
 * network and TLS buffers from a pool while bytes move and gives them back when a connection is
 * idle, which the JDK client did not (two 16 KB buffers per connection; ADR 0009).
 *
 * <p>Transport failures reach {@link DuoErrors} as before: a request timeout as
 * {@link HttpTimeoutException}, a connect timeout as {@link HttpConnectTimeoutException}, anything
 * else as an {@link IOException}. Cancelling an answer (see {@link #tracking}) aborts the exchange
 * and closes its connection.
 */
final class DuoHttpClient implements AsyncClient<Object> {
  /** Headers Jetty writes itself. */
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade",
      "content-type");
  /** Far above any answer of Duo's Auth API; a longer body fails the call instead of filling the heap. */
  private static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;
  /**
   * Told of each exchange begun on this thread by {@link #tracking}'s call: Feign does not pass a
   * cancellation of its own future on to the client's, so the caller gets the exchange itself.
   */
  private static final ThreadLocal<Consumer<CompletableFuture<?>>> BEGUN = new ThreadLocal<>();

  private final HttpClient client;
  private final Executor decoding;
  private final DuoRequestListener listener;

  DuoHttpClient(HttpClient client, Executor decoding, DuoRequestListener listener) {
    this.client = client;
    this.decoding = decoding;
    this.listener = listener;
  }

  @Override
  public CompletableFuture<Response> execute(Request request, Request.Options options,
      Optional<Object> requestContext) {
    org.eclipse.jetty.client.Request exchange;
    try {
      exchange = toJettyRequest(request, options);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    String endpoint = DuoRequestListener.endpoint(request.url());
    long started = System.nanoTime();
    CompletableFuture<ContentResponse> sent = new CompletableResponseListener(exchange, MAX_ANSWER_BYTES).send();
    CompletableFuture<Response> answer = sent.handleAsync((response, error) -> {
      Throwable failure = error == null ? null : unwrap(error);
      if (failure instanceof CancellationException abandoned) {
        throw abandoned; // not an answer, nor a failure of Duo's
      }
      listener.answered(endpoint, DuoRequestListener.result(failure == null ? response.getStatus() : 0),
          Duration.ofNanos(System.nanoTime() - started));
      if (failure != null) {
        throw new CompletionException(transportFailure(failure));
      }
      return toFeignResponse(request, response);
    }, decoding);
    // A caller that gives up on the answer (a long poll nobody follows any more) aborts the
    // exchange: Jetty closes its connection instead of leaving it parked at Duo.
    answer.whenComplete((response, error) -> {
      if (answer.isCancelled()) {
        exchange.abort(new CancellationException("the caller abandoned the request"));
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

  private org.eclipse.jetty.client.Request toJettyRequest(Request request, Request.Options options) {
    long timeout = options.readTimeoutMillis();
    org.eclipse.jetty.client.Request exchange = client.newRequest(URI.create(request.url()))
        .method(request.httpMethod().name())
        .timeout(timeout, TimeUnit.MILLISECONDS)
        .idleTimeout(timeout, TimeUnit.MILLISECONDS);
    String contentType = null;
    boolean accept = false;
    for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
      String name = header.getKey();
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("content-type") && !header.getValue().isEmpty()) {
        contentType = header.getValue().iterator().next();
      }
      if (RESTRICTED.contains(lower)) {
        continue;
      }
      accept |= lower.equals("accept");
      for (String value : header.getValue()) {
        exchange.headers(headers -> headers.add(name, value));
      }
    }
    if (!accept) {
      exchange.headers(headers -> headers.put("Accept", "*/*"));
    }
    byte[] body = request.body();
    if (body != null) {
      exchange.body(new BytesRequestContent(contentType, body));
    }
    return exchange;
  }

  private static Response toFeignResponse(Request request, ContentResponse response) {
    Map<String, Collection<String>> headers = new LinkedHashMap<>();
    for (HttpField field : response.getHeaders()) {
      headers.computeIfAbsent(field.getName().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
          .add(field.getValue());
    }
    return Response.builder()
        .status(response.getStatus())
        .reason(response.getReason())
        .headers(headers)
        .body(response.getContent())
        .request(request)
        .protocolVersion(Request.ProtocolVersion.HTTP_1_1)
        .build();
  }

  private static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /**
   * Jetty's failures in the JDK's terms, which {@link DuoErrors} maps to the port's failure
   * classes: its total or idle timeout is the request timeout, its connect timeout the connect
   * timeout, and any other failure an I/O failure.
   */
  private static Throwable transportFailure(Throwable failure) {
    if (failure instanceof TimeoutException) {
      return new HttpTimeoutException("request timed out");
    }
    if (failure instanceof SocketTimeoutException) {
      return new HttpConnectTimeoutException("connect timed out");
    }
    if (failure instanceof IOException) {
      return failure;
    }
    IOException io = new IOException(failure.getMessage() == null ? "the exchange failed" : failure.getMessage());
    io.initCause(failure);
    return io;
  }
}
