package dev.gatehouse.adapter.duo;

import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpProxy;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The one Jetty HTTP client all Duo connections share (so TLS connections are pooled and reused),
 * built and started on first use (ADR 0009): HTTP/1.1 over TLS with the configured trust and
 * hostname verification, no redirects, no compression, no protocol handling of 401s, the optional
 * proxy, and room for as many parked long polls as a node holds pending pushes (one connection
 * each: Duo answers a long poll only when the push changes). Its selector and I/O run on a small
 * fixed pool of daemon threads; a second bounded executor decodes answers and a third hands
 * long-poll answers to callers, so whatever they chain onto them never runs on Duo's I/O.
 */
final class DuoTransport {
  /** Jetty's selector and the threads that move bytes; waiting requests hold none. */
  private static final int IO_THREADS = 4;
  /** Connections (each one parked long poll or one request in flight) and queued requests per Duo host. */
  private static final int MAX_CONNECTIONS = 65_536;
  /** How long an unused kept-alive connection to Duo stays open. */
  private static final long IDLE_CONNECTION_MILLIS = 30_000;
  private final DuoConfig config;
  private final DuoRequestListener listener;
  private volatile DuoHttpClient client;
  private volatile ExecutorService executor;
  private volatile ExecutorService callbacks;

  DuoTransport(DuoConfig config, DuoRequestListener listener) {
    this.config = config;
    this.listener = listener;
  }

  DuoHttpClient client() {
    DuoHttpClient current = client;
    if (current == null) {
      synchronized (this) {
        current = client;
        if (current == null) {
          current = build();
          client = current;
        }
      }
    }
    return current;
  }

  ExecutorService executor() {
    ExecutorService current = executor;
    if (current == null) {
      synchronized (this) {
        current = executor;
        if (current == null) {
          current = Executors.newFixedThreadPool(config.ioThreads(), threads("gatehouse-duo-"));
          executor = current;
        }
      }
    }
    return current;
  }

  /**
   * The executor that completes the futures handed to callers: a fixed number of threads whose
   * queue holds one small task per answered poll, so a caller that blocks delays only other
   * callers' continuations, never Duo's I/O.
   */
  ExecutorService callbacks() {
    ExecutorService current = callbacks;
    if (current == null) {
      synchronized (this) {
        current = callbacks;
        if (current == null) {
          current = Executors.newFixedThreadPool(config.callbackThreads(), threads("gatehouse-duo-callbacks-"));
          callbacks = current;
        }
      }
    }
    return current;
  }

  private DuoHttpClient build() {
    QueuedThreadPool io = new QueuedThreadPool(IO_THREADS, IO_THREADS);
    io.setName("gatehouse-duo-io");
    io.setDaemon(true);
    io.setReservedThreads(0);
    ClientConnector connector = new ClientConnector();
    connector.setSelectors(1);
    SslContextFactory.Client tls = new SslContextFactory.Client();
    tls.setSslContext(DuoTls.context(config.caFile()));
    tls.setEndpointIdentificationAlgorithm("HTTPS");
    connector.setSslContextFactory(tls);
    HttpClient jetty = new HttpClient(new HttpClientTransportOverHTTP(connector));
    jetty.setExecutor(io);
    jetty.setScheduler(new ScheduledExecutorScheduler("gatehouse-duo-timeouts", true));
    jetty.setFollowRedirects(false);
    jetty.setConnectTimeout(config.connectTimeout().toMillis());
    jetty.setIdleTimeout(IDLE_CONNECTION_MILLIS);
    jetty.setMaxConnectionsPerDestination(MAX_CONNECTIONS);
    jetty.setMaxRequestsQueuedPerDestination(MAX_CONNECTIONS);
    jetty.setUserAgentField(null);
    config.httpProxy().ifPresent(proxy -> jetty.getProxyConfiguration().addProxy(httpProxy(proxy)));
    try {
      jetty.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the HTTP client for Duo", e);
    }
    // Both are filled in by start(). Duo's 401 carries no WWW-Authenticate challenge, redirects
    // are refused, and nothing is asked compressed: every answer, whatever its status, goes to
    // Feign's decoders as it came.
    jetty.getProtocolHandlers().clear();
    jetty.getContentDecoderFactories().clear();
    return new DuoHttpClient(jetty, executor(), listener);
  }

  private static HttpProxy httpProxy(URI proxy) {
    return new HttpProxy(proxy.getHost(), proxy.getPort());
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
