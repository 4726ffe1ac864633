package dev.gatehouse.bootstrap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.domain.common.InvalidValueException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code serve --metrics-bind ADDR:PORT}: {@code GET /metrics} without a token on a listener of its
 * own, for a Prometheus that scrapes over a private network; it answers nothing else (404) and
 * takes no request body. One thread: scrapes are rare and quick.
 */
final class MetricsEndpoint implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService thread;

  private MetricsEndpoint(HttpServer server, ExecutorService thread) {
    this.server = server;
    this.thread = thread;
  }

  /** Listens on the address and serves the metrics' text. */
  static MetricsEndpoint start(InetSocketAddress address, Metrics metrics) {
    HttpServer server;
    try {
      server = HttpServer.create(address, 16);
    } catch (IOException e) {
      throw ServeExtension.unusable(address.getHostString(), address.getPort(), e)
          .map(problem -> new InvalidValueException("--metrics-bind", problem.getMessage()))
          .orElseThrow(() -> new UncheckedIOException(e));
    }
    server.createContext("/", exchange -> answer(exchange, metrics));
    ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "gatehouse-metrics");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(thread);
    server.start();
    return new MetricsEndpoint(server, thread);
  }

  int port() {
    return server.getAddress().getPort();
  }

  private static void answer(HttpExchange exchange, Metrics metrics) throws IOException {
    try (exchange) {
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      boolean scrape = exchange.getRequestURI().getPath().equals("/metrics");
      boolean read = exchange.getRequestMethod().equals("GET") || exchange.getRequestMethod().equals("HEAD");
      if (!scrape || !read) {
        exchange.sendResponseHeaders(scrape ? 405 : 404, -1);
        return;
      }
      byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      if (exchange.getRequestMethod().equals("HEAD")) {
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Parses {@code ADDR:PORT} ({@code [v6]:PORT} for IPv6). */
  static InetSocketAddress address(String text) {
    String value = text == null ? "" : text.strip();
    int colon = value.lastIndexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new InvalidValueException("--metrics-bind", "must be ADDR:PORT, e.g. 127.0.0.1:9464");
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(value.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 0 || port > 65535) {
      throw new InvalidValueException("--metrics-bind", "the port must be a number from 0 to 65535");
    }
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new InvalidValueException("--metrics-bind", "cannot listen on " + host + ": no such host");
    }
    return address;
  }

  @Override
  public void close() {
    server.stop(0);
    thread.shutdownNow();
  }
}
