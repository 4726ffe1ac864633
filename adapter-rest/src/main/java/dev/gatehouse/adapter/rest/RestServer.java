package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.AuthenticateApiTokenUseCase;
import dev.gatehouse.domain.common.Require;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.HTTP2Cipher;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.MDC;

/**
 * Gatehouse's REST API on Javalin (Jetty 12): every route of openapi.json, bearer authentication,
 * RFC 9457 problems and one access-log line per request. Long polls wait asynchronously, so a
 * waiting client holds no request thread. Bootstrap starts it once and closes it on shutdown.
 */
public final class RestServer implements AutoCloseable {
  static final String PROBLEM_JSON = "application/problem+json";
  private static final String JSON = "application/json";
  private static final String WRITTEN = "gatehouse.written";
  /** Longest a long poll may take: its 30 s wait plus the time Duo's last answer may need. */
  private static final long ASYNC_TIMEOUT_MS = 60_000;
  private static final long IDLE_TIMEOUT_MS = 75_000;

  private final RestConfig config;
  private final RestJson json = new RestJson();
  private final RestErrorMapper errors = new RestErrorMapper();
  private final RestAuthenticator authenticator;
  private final RestAccessLog accessLog;
  private final List<RestRoute> routes;
  private final QueuedThreadPool threads;
  private final List<Consumer<JavalinConfig>> faces;
  private final Javalin app;
  /** Present when serving HTTPS: what {@link #reloadTls()} reloads. */
  private final SslContextFactory.Server tls;

  /**
   * A server for the API's {@code resources} (their routes, built by {@link RestModule}) behind
   * bearer authentication, with {@code /health}, {@code /ready} and {@code /metrics}. It reports
   * each answered request to {@code metrics} and also serves other faces on the same port (the
   * web console): each installs its own routes outside {@code /api/}, where the REST API's JSON
   * rules do not apply.
   */
  RestServer(AuthenticateApiTokenUseCase authenticate, List<RestRoute> resources, ReadinessCheck readiness,
      RestConfig config, RestMetrics metrics, List<Consumer<JavalinConfig>> faces) {
    Require.notNull("readiness", readiness);
    Require.notNull("metrics", metrics);
    this.config = Require.notNull("config", config);
    this.accessLog = new RestAccessLog(metrics);
    this.authenticator = new RestAuthenticator(Require.notNull("authenticate", authenticate));
    List<RestRoute> all = new ArrayList<>();
    all.addAll(new SystemResource(readiness).routes());
    all.addAll(new MetricsResource(metrics).routes());
    all.addAll(Require.notNull("resources", resources));
    this.routes = List.copyOf(all);
    this.faces = List.copyOf(Require.notNull("faces", faces));
    this.threads = new QueuedThreadPool(config.maxThreads(), Math.min(8, config.maxThreads()), 60_000);
    this.threads.setName("gatehouse-rest");
    this.tls = config.tls().map(RestServer::sslContextFactory).orElse(null);
    this.app = Javalin.create(this::configure);
  }

  /** Binds the port and starts serving; returns this server. */
  public RestServer start() {
    app.start();
    return this;
  }

  /** The bound port (useful when the configured port was 0). */
  public int port() {
    return app.port();
  }

  /** Request threads busy now (serving, not waiting on a long poll). */
  public int busyThreads() {
    return threads.getBusyThreads();
  }

  /** Request threads idle now. */
  public int idleThreads() {
    return threads.getIdleThreads();
  }

  /** The most request threads there may be. */
  public int maxThreads() {
    return threads.getMaxThreads();
  }

  /** Requests waiting for a thread. */
  public int queuedRequests() {
    return threads.getQueueSize();
  }

  /** Whether this server speaks HTTPS (a certificate was configured). */
  public boolean isTls() {
    return tls != null;
  }

  /**
   * Reads the certificate and key files again and serves them to new connections; open
   * connections go on with the certificate they negotiated. Files that cannot serve leave the
   * current certificate in place and fail with {@link RestTls.InvalidFileException}.
   */
  public void reloadTls() {
    if (tls == null) {
      throw new IllegalStateException("this server does not serve HTTPS");
    }
    java.security.KeyStore keyStore = config.tls().orElseThrow().keyStore();
    try {
      tls.reload(factory -> factory.setKeyStore(keyStore));
    } catch (Exception e) {
      throw new IllegalStateException("cannot reload the TLS certificate: " + e.getMessage(), e);
    }
  }

  /** Stops serving and releases the port and threads. */
  @Override
  public void close() {
    app.stop();
  }

  /** The routes this server answers, for the OpenAPI cross-check. */
  List<RestRoute> routes() {
    return routes;
  }

  /** The routes Javalin actually registered (method and path template). */
  List<String> registeredRoutes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .filter(entry -> entry.endpoint.method.isHttpMethod())
        .map(entry -> entry.endpoint.method.name() + " " + entry.endpoint.path)
        .toList();
  }

  private void configure(JavalinConfig cfg) {
    cfg.startup.showJavalinBanner = false;
    cfg.startup.showOldJavalinVersionWarning = false;
    cfg.startup.startupWatcherEnabled = false;
    cfg.jetty.threadPool = threads;
    // What Jetty answers by itself (bad URI, URI or headers too large) is a problem document too.
    RestJettyErrorPages jettyErrors = new RestJettyErrorPages(errors, json, accessLog);
    cfg.jetty.modifyServer(server -> {
      server.setErrorHandler(jettyErrors);
      // Javalin puts its servlet context inside this handler: bodies are read before it runs.
      server.setHandler(new RestBodyReader(config.maxBodyBytes(), RestBodyReader.TIMEOUT));
    });
    cfg.jetty.modifyServletContextHandler(context -> context.setErrorHandler(jettyErrors));
    cfg.jetty.addConnector((server, httpConfiguration) -> {
      // Dispatch at once, so a body that never comes is timed by RestBodyReader, not the idle timeout.
      httpConfiguration.setDelayDispatchUntilContent(false);
      // No per-connection header cache: its trie costs ~96 KiB of heap on every kept-alive
      // connection, which is ~1 GB for 10,000 waiting long polls (docs/benchmarks.md, capacity).
      httpConfiguration.setHeaderCacheSize(0);
      ServerConnector connector = tls == null
          ? new ServerConnector(server, new HttpConnectionFactory(httpConfiguration))
          : httpsConnector(server, httpConfiguration);
      connector.setHost(config.bindAddress());
      connector.setPort(config.port());
      connector.setIdleTimeout(IDLE_TIMEOUT_MS);
      return connector;
    });
    cfg.http.maxRequestSize = config.maxBodyBytes();
    cfg.http.prefer405over404 = true;
    cfg.http.asyncTimeout = ASYNC_TIMEOUT_MS;
    cfg.http.defaultContentType = JSON;
    // Bodies carry tokens: no compression, so no BREACH-style length oracle.
    cfg.http.compressionStrategy = CompressionStrategy.NONE;
    cfg.requestLogger.http(accessLog);

    cfg.routes.before(RestServer::identify);
    cfg.routes.beforeMatched(ctx -> {
      if (ctx.routeRoles().contains(RestAccess.BEARER)) {
        authenticator.authenticate(ctx);
      }
    });
    cfg.routes.beforeMatched(this::refuseNonJsonBody);
    // The request thread goes back to the pool: what it logs next must not carry this id.
    cfg.routes.after(ctx -> MDC.remove(RestRequestId.MDC_KEY));
    cfg.routes.exception(Exception.class, (e, ctx) -> write(ctx, errors.map(e)));
    cfg.routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, errors.map(e)));
    // An async wait that outlives ASYNC_TIMEOUT_MS ends here (Javalin sets 500 and calls this).
    cfg.routes.error(500, ctx -> {
      if (ctx.attribute(WRITTEN) == null && isApi(ctx)) {
        write(ctx, errors.timedOut());
      }
    });
    for (RestRoute route : routes) {
      cfg.routes.addHttpHandler(HandlerType.findOrCreate(route.method()), route.path(),
          ctx -> handle(ctx, route), route.access());
    }
    faces.forEach(face -> face.accept(cfg));
  }

  /** The key store loaded now (bad files fail here, before anything listens). */
  private static SslContextFactory.Server sslContextFactory(RestTls certificate) {
    SslContextFactory.Server factory = new SslContextFactory.Server();
    factory.setKeyStore(certificate.keyStore());
    factory.setKeyStorePassword(RestTls.KEY_STORE_PASSWORD);
    factory.setCipherComparator(HTTP2Cipher.COMPARATOR);
    return factory;
  }

  /** TLS, then HTTP/2 or HTTP/1.1 as ALPN negotiates (HTTP/1.1 for clients that offer nothing). */
  private ServerConnector httpsConnector(Server server, HttpConfiguration plain) {
    HttpConfiguration https = new HttpConfiguration(plain);
    https.setSecureScheme("https");
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    // Clients may reach a node by an address the certificate does not name (behind a balancer).
    secure.setSniHostCheck(false);
    https.addCustomizer(secure);
    HttpConnectionFactory http11 = new HttpConnectionFactory(https);
    HTTP2ServerConnectionFactory http2 = new HTTP2ServerConnectionFactory(https);
    ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory(http2.getProtocol(), http11.getProtocol());
    alpn.setDefaultProtocol(http11.getProtocol());
    SslConnectionFactory ssl = new SslConnectionFactory(tls, alpn.getProtocol());
    return new ServerConnector(server, ssl, alpn, http2, http11);
  }

  /** The REST API's own paths; everything else belongs to another face (the console). */
  private static boolean isApi(Context ctx) {
    return ctx.path().startsWith("/api/");
  }

  private void handle(Context ctx, RestRoute route) {
    RestRequest request = new RestRequest(ctx, json);
    if (!route.async()) {
      write(ctx, guarded(route, request, () -> {
        if (!route.readsBody()) {
          request.requireNoFields();
        }
        return route.handler().handle(request).toCompletableFuture().join();
      }));
      return;
    }
    if (!route.readsBody()) {
      request.requireNoFields();
    }
    CompletionStage<RestReply> stage = route.handler().handle(request);
    Executor continuation = threads;
    ctx.future(() -> stage.toCompletableFuture()
        .handle((reply, failure) -> failure == null ? reply : errors.map(failure))
        .thenAcceptAsync(reply -> RestRequestId.withMdc(ctx.attribute(RestRequestId.ATTRIBUTE),
            () -> write(ctx, reply)), continuation));
  }

  /**
   * Authorization before body validation: a request that would be answered 400 (a malformed or
   * invalid body, or fields the use case refuses) is shown that 400 only when the route's guard
   * admits the caller; otherwise the guard's 403 (or 404) is the answer.
   */
  private RestReply guarded(RestRoute route, RestRequest request, Supplier<RestReply> handler) {
    try {
      return handler.get();
    } catch (RuntimeException e) {
      if (RestErrorMapper.isBadRequest(e)) {
        route.guard().check(request);
      }
      throw e;
    }
  }

  /** Names the request (see {@link RestRequestId}): response header, logging context, attribute. */
  private static void identify(Context ctx) {
    String id = RestRequestId.accept(ctx.header(RestRequestId.HEADER));
    ctx.attribute(RestRequestId.ATTRIBUTE, id);
    ctx.header(RestRequestId.HEADER, id);
    MDC.put(RestRequestId.MDC_KEY, id);
  }

  /**
   * A request that carries a body must say it is JSON (application/json or a +json type) in UTF-8
   * (no charset, or charset utf-8): else 415.
   */
  private void refuseNonJsonBody(Context ctx) {
    if (!isApi(ctx)) {
      return; // the console's forms are form-encoded
    }
    boolean hasBody = ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
    if (hasBody && !isJson(ctx.header("Content-Type"))) {
      throw new HttpResponseException(415, "Unsupported Media Type", Map.of());
    }
  }

  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String[] parts = contentType.split(";");
    String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
    if (!mediaType.equals(JSON) && !(mediaType.startsWith("application/") && mediaType.endsWith("+json"))) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
      if (parameter.startsWith("charset=")) {
        String charset = parameter.substring("charset=".length()).replace("\"", "").strip();
        if (!charset.equals("utf-8")) {
          return false;
        }
      }
    }
    return true;
  }

  private void write(Context ctx, RestReply reply) {
    ctx.attribute(WRITTEN, Boolean.TRUE);
    ctx.status(reply.status());
    reply.headers().forEach(ctx::header);
    ctx.header("Cache-Control", "no-store");
    ctx.header("X-Content-Type-Options", "nosniff");
    Object body = reply.body();
    String requestId = ctx.attribute(RestRequestId.ATTRIBUTE);
    if (body instanceof RestProblem problem && requestId != null) {
      body = problem.withInstance(RestRequestId.instance(requestId));
    }
    if (body == null) {
      ctx.result(new byte[0]);
      ctx.removeHeader("Content-Type");
      return;
    }
    if (body instanceof RestRawText text) {
      ctx.contentType(text.contentType());
      ctx.result(text.bytes());
      return;
    }
    byte[] bytes = body instanceof RestRawJson raw ? raw.bytes() : json.write(body);
    ctx.contentType(reply.isProblem() ? PROBLEM_JSON : JSON);
    ctx.result(bytes);
  }
}
