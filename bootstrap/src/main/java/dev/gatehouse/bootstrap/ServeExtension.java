package dev.gatehouse.bootstrap;

import dev.gatehouse.application.GatehouseOptions;
import dev.gatehouse.adapter.cli.CliExtension;
import dev.gatehouse.adapter.rest.RestConfig;
import dev.gatehouse.adapter.rest.RestServer;
import dev.gatehouse.adapter.rest.RestTls;
import dev.gatehouse.domain.common.InvalidValueException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code gatehouse serve [--bind ADDR] [--port N] [--log-format text|json] [--metrics-bind ADDR:PORT]
 * [--insecure-http] [--tls-cert PEM --tls-key PEM]}: the REST API until the process is stopped; a
 * database that cannot be reached yet is waited for, plain HTTP is refused off loopback unless asked
 * for, HTTPS (HTTP/2 and HTTP/1.1) is served with a certificate that SIGHUP reloads.
 */
final class ServeExtension {
  static final String DEFAULT_BIND = "127.0.0.1";
  static final int DEFAULT_PORT = 8080;
  /** Longest a SIGTERM may take to stop serve; past it, serve halts (a stuck close must not keep it up). */
  static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(15);

  private ServeExtension() {}

  static CliExtension create(Runtimes runtimes) {
    return new CliExtension("serve", "Serve the REST API (default 127.0.0.1:8080) until stopped.",
        List.of(CliExtension.Option.withValue("--bind", "ADDR", "address to listen on (default 127.0.0.1)"),
            CliExtension.Option.withValue("--port", "N", "port to listen on (default 8080; 0 picks a free one)"),
            CliExtension.Option.withValue("--log-format", "FORMAT",
                "log lines on stderr as text (default) or json (one object per line)"),
            CliExtension.Option.withValue("--metrics-bind", "ADDR:PORT",
                "also serve GET /metrics without a token here (default: only on the API, for administrators)"),
            CliExtension.Option.withValue("--tls-cert", "PEM",
                "serve HTTPS with this certificate chain (server certificate first; reloaded on SIGHUP)"),
            CliExtension.Option.withValue("--tls-key", "PEM",
                "the certificate's private key (unencrypted PKCS#8 PEM, BEGIN PRIVATE KEY)"),
            CliExtension.Option.flag("--insecure-http",
                "allow plain HTTP on an address other than loopback (only behind a proxy that terminates TLS)")),
        Optional.of("gatehouse serve --bind 0.0.0.0 --port 8080"),
        invocation -> {
          LogFormat logFormat = LogFormat.parse(invocation.options().get("--log-format"));
          String bind = bindAddress(invocation.options().get("--bind"));
          int port = port(invocation.options().get("--port"));
          // Before storage starts, and before Javalin could log its own error for an address in use.
          requireUsable(bind, port);
          Optional<RestTls> tls = tls(invocation.options().get("--tls-cert"), invocation.options().get("--tls-key"));
          if (tls.isEmpty()) {
            requireLoopbackOrInsecure(bind, invocation.options().containsKey("--insecure-http"));
          }
          Optional<InetSocketAddress> metricsBind = Optional.ofNullable(invocation.options().get("--metrics-bind"))
              .map(MetricsEndpoint::address);
          RestConfig config = tls.map(RestConfig.of(bind, port)::withTls).orElseGet(() -> RestConfig.of(bind, port));
          logFormat.apply();
          GatehouseRuntime runtime = runtimes.start(invocation.runtime(),
              DatabaseWait.withBackoff(delay -> Thread.sleep(delay.toMillis())), Metrics::prometheus,
              GatehouseOptions.server());
          RestServer server = start(runtime.restServer(config), bind, port);
          runtime.metrics().bindHttpServer(server);
          if (server.isTls()) {
            SignalHangups.onHangup(() -> reload(server));
          }
          Optional<MetricsEndpoint> metricsEndpoint = metricsBind.map(a -> MetricsEndpoint.start(a, runtime.metrics()));
          CountDownLatch stopped = new CountDownLatch(1);
          ShutdownWatchdog watchdog = ShutdownWatchdog.start(SHUTDOWN_GRACE, stopped, invocation.err());
          Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            watchdog.stopping();
            metricsEndpoint.ifPresent(MetricsEndpoint::close);
            // SIGTERM: answer waiting long polls with the challenge as it stands and hand the Duo
            // requests this node follows to the other nodes, then stop serving; storage closes last.
            runtime.gatehouse().close();
            server.close();
            stopped.countDown();
          }, "gatehouse-serve-shutdown"));
          invocation.out().println("Gatehouse REST API and web console on " + (server.isTls() ? "https" : "http") + "://" + config.bindAddress() + ":" + server.port()
              + " (" + runtime.storageDescription() + ")");
          metricsEndpoint.ifPresent(m -> invocation.out().println("Metrics on http://"
              + metricsBind.get().getHostString() + ":" + m.port() + "/metrics"));
          invocation.out().flush();
          stopped.await();
          return 0;
        });
  }

  /**
   * The certificate and key to serve HTTPS with, both given or neither, read once now so that a
   * bad file is invalid input before anything starts.
   */
  static Optional<RestTls> tls(String certificate, String key) {
    if (certificate == null && key == null) {
      return Optional.empty();
    }
    if (certificate == null || certificate.isBlank()) {
      throw new InvalidValueException("--tls-cert", "is needed with --tls-key");
    }
    if (key == null || key.isBlank()) {
      throw new InvalidValueException("--tls-key", "is needed with --tls-cert");
    }
    RestTls tls = new RestTls(file("--tls-cert", certificate), file("--tls-key", key));
    try {
      tls.keyStore();
    } catch (RestTls.InvalidFileException e) {
      throw invalid(e);
    }
    return Optional.of(tls);
  }

  /** A file's path; PEM text given in its place is refused without being repeated (it may be a key). */
  private static Path file(String option, String text) {
    if (text.contains("-----") || text.contains("\n")) {
      throw new InvalidValueException(option, "must name a PEM file, not hold its content");
    }
    try {
      return Path.of(text.strip());
    } catch (java.nio.file.InvalidPathException e) {
      throw new InvalidValueException(option, "is not a file path");
    }
  }

  private static InvalidValueException invalid(RestTls.InvalidFileException e) {
    return new InvalidValueException(e.isKey() ? "--tls-key" : "--tls-cert", e.getMessage());
  }

  /** SIGHUP: the files again; a bad file is logged and the certificate in use stays. */
  static void reload(RestServer server) {
    // Asked for here, not when the class loads: Main loads this class for every command, and the
    // first logger sets up Logback, which --version and --help do without.
    org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ServeExtension.class);
    try {
      server.reloadTls();
      log.info("Reloaded the TLS certificate");
    } catch (RestTls.InvalidFileException e) {
      InvalidValueException invalid = invalid(e);
      log.warn("Kept the TLS certificate in use: invalid {}: {}", invalid.field(), invalid.reason());
    } catch (RuntimeException e) {
      log.warn("Kept the TLS certificate in use: {}", e.getMessage());
    }
  }

  static String bindAddress(String text) {
    if (text == null) {
      return DEFAULT_BIND;
    }
    if (text.isBlank()) {
      throw new InvalidValueException("--bind", "must not be empty");
    }
    return text.strip();
  }

  static int port(String text) {
    if (text == null) {
      return DEFAULT_PORT;
    }
    try {
      int port = Integer.parseInt(text.strip());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidValueException("--port", "must be a number from 0 to 65535");
  }

  /**
   * Fails with invalid input when nothing can listen on the address and port (the port is in use,
   * the address is not this host's, the name does not resolve); the probe is closed at once.
   */
  static void requireUsable(String bind, int port) {
    InetSocketAddress address = new InetSocketAddress(bind, port);
    if (address.isUnresolved()) {
      throw new InvalidValueException("--bind", "cannot listen on " + bind + ": no such host");
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(address);
    } catch (IOException e) {
      throw unusable(bind, port, e).orElseGet(() -> new InvalidValueException("--bind",
          "cannot listen on " + bind + ":" + port + ": " + e.getMessage()));
    }
  }

  /**
   * Plain HTTP only on loopback: elsewhere API and session tokens would cross the network in
   * clear headers, so serving there takes {@code --insecure-http} (a proxy in front terminates TLS).
   */
  static void requireLoopbackOrInsecure(String bind, boolean insecureHttp) {
    if (insecureHttp) {
      return;
    }
    boolean loopback;
    try {
      loopback = InetAddress.getByName(bind).isLoopbackAddress();
    } catch (UnknownHostException e) {
      loopback = false;
    }
    if (!loopback) {
      throw new InvalidValueException("--bind", "refusing plain HTTP on " + bind
          + ": API and session tokens would cross the network unencrypted; bind 127.0.0.1 behind a proxy"
          + " that terminates TLS, or pass --insecure-http if that proxy reaches this address");
    }
  }

  /** Starts the server; an address that cannot be used after all (taken since the probe) is invalid input too. */
  private static RestServer start(RestServer server, String bind, int port) {
    try {
      return server.start();
    } catch (RuntimeException e) {
      try {
        server.close();
      } catch (RuntimeException alreadyStopped) {
        e.addSuppressed(alreadyStopped);
      }
      throw unusable(bind, port, e).map(RuntimeException.class::cast).orElse(e);
    }
  }

  /** The address-cannot-be-used problem in a failure's causes, if that is what it is. */
  static Optional<InvalidValueException> unusable(String bind, int port, Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnresolvedAddressException) {
        return Optional.of(new InvalidValueException("--bind", "cannot listen on " + bind + ": no such host"));
      }
      if (cause instanceof BindException || cause instanceof SocketException) {
        String why = Optional.ofNullable(cause.getMessage()).orElse("").toLowerCase(Locale.ROOT);
        String where = bind + ":" + port;
        if (why.contains("in use")) {
          return Optional.of(new InvalidValueException("--port", "cannot listen on " + where
              + ": the address is already in use"));
        }
        if (why.contains("permission") || why.contains("access")) {
          return Optional.of(new InvalidValueException("--port", "cannot listen on " + where
              + ": permission denied (ports below 1024 need privileges)"));
        }
        if (cause instanceof BindException) {
          return Optional.of(new InvalidValueException("--bind", "cannot listen on " + where
              + ": the address is not one of this host's (" + cause.getMessage() + ")"));
        }
      }
    }
    return Optional.empty();
  }
}
