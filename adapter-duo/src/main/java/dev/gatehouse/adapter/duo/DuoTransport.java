package dev.gatehouse.adapter.duo;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one JDK HTTP client all Duo connections share (so TLS connections are pooled and reused),
 * built on first use: a bounded executor, the configured trust, hostname verification (the JDK
 * client always verifies), no redirects, and the optional proxy. A second bounded executor hands
 * long-poll answers to callers, so whatever they chain onto them never runs on Duo's I/O.
 */
final class DuoTransport {
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
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_2)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(config.connectTimeout())
        .sslContext(DuoTls.context(config.caFile()))
        .executor(executor());
    config.httpProxy().ifPresent(proxy -> builder.proxy(ProxySelector.of(address(proxy))));
    return new DuoHttpClient(builder.build(), executor(), listener);
  }

  private static InetSocketAddress address(URI proxy) {
    return InetSocketAddress.createUnresolved(proxy.getHost(), proxy.getPort());
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
