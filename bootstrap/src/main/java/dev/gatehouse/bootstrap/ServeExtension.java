package dev.gatehouse.bootstrap;

import dev.gatehouse.adapter.cli.CliExtension;
import dev.gatehouse.adapter.rest.RestConfig;
import dev.gatehouse.adapter.rest.RestServer;
import dev.gatehouse.domain.common.InvalidValueException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code gatehouse serve [--bind ADDR] [--port N]}: the REST API until the process is stopped. */
final class ServeExtension {
  static final String DEFAULT_BIND = "127.0.0.1";
  static final int DEFAULT_PORT = 8080;

  private ServeExtension() {}

  static CliExtension create(Runtimes runtimes) {
    return new CliExtension("serve", "Serve the REST API (default 127.0.0.1:8080) until stopped.",
        List.of(CliExtension.Option.withValue("--bind", "ADDR", "address to listen on (default 127.0.0.1)"),
            CliExtension.Option.withValue("--port", "N", "port to listen on (default 8080; 0 picks a free one)")),
        invocation -> {
          RestConfig config = RestConfig.of(invocation.options().getOrDefault("--bind", DEFAULT_BIND),
              port(invocation.options().get("--port")));
          GatehouseRuntime runtime = runtimes.start(invocation.runtime());
          RestServer server = runtime.restServer(config).start();
          CountDownLatch stopped = new CountDownLatch(1);
          Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
          }, "gatehouse-serve-shutdown"));
          invocation.out().println("Gatehouse REST API on http://" + config.bindAddress() + ":" + server.port()
              + " (" + runtime.storageDescription() + ")");
          invocation.out().flush();
          stopped.await();
          return 0;
        });
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
    throw new InvalidValueException("port", "must be a number from 0 to 65535");
  }
}
