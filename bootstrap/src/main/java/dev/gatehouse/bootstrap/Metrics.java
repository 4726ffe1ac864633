package dev.gatehouse.bootstrap;

import dev.gatehouse.adapter.duo.DuoRequestListener;
import dev.gatehouse.adapter.persistence.PersistenceRuntime;
import dev.gatehouse.adapter.rest.RestMetrics;
import dev.gatehouse.adapter.rest.RestServer;
import dev.gatehouse.application.port.out.ChallengeRepository;
import dev.gatehouse.application.port.out.Telemetry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gatehouse's metrics for one process: off (commands of the command line, embedding) or a
 * Prometheus registry with the JVM's meters, the connection pool's, the request threads' and what
 * the core and the adapters report ({@link MicrometerTelemetry}).
 */
final class Metrics implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Metrics.class);

  private final Optional<PrometheusMeterRegistry> registry;
  private final Optional<MicrometerTelemetry> telemetry;
  private final Optional<JvmGcMetrics> gc;

  private Metrics(Optional<PrometheusMeterRegistry> registry) {
    this.registry = registry;
    this.telemetry = registry.map(r -> new MicrometerTelemetry(r, r::scrape));
    this.gc = registry.map(r -> {
      new JvmMemoryMetrics().bindTo(r);
      new JvmThreadMetrics().bindTo(r);
      new ClassLoaderMetrics().bindTo(r);
      new ProcessorMetrics().bindTo(r);
      new UptimeMetrics().bindTo(r);
      JvmGcMetrics collector = new JvmGcMetrics();
      collector.bindTo(r);
      return collector;
    });
  }

  /** No metrics: every report is dropped. */
  static Metrics off() {
    return new Metrics(Optional.empty());
  }

  /** A Prometheus registry with the JVM's meters bound. */
  static Metrics prometheus() {
    return new Metrics(Optional.of(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)));
  }

  Telemetry telemetry() {
    return telemetry.<Telemetry>map(t -> t).orElse(Telemetry.NONE);
  }

  DuoRequestListener duo() {
    return telemetry.<DuoRequestListener>map(t -> t).orElse(DuoRequestListener.NONE);
  }

  RestMetrics rest() {
    return telemetry.<RestMetrics>map(t -> t).orElse(RestMetrics.NONE);
  }

  /** The text exposition (empty when off). */
  String scrape() {
    return registry.map(PrometheusMeterRegistry::scrape).orElse("");
  }

  /**
   * The connection pool's gauges (named as Micrometer's HikariCP tracker names them, so existing
   * dashboards work) and the open challenges, counted in the database: the same on every node.
   */
  void bindStorage(PersistenceRuntime persistence, ChallengeRepository challenges, Clock clock) {
    registry.ifPresent(r -> {
      Tags pool = Tags.of("pool", "gatehouse");
      Gauge.builder("hikaricp.connections.active", persistence, PersistenceRuntime::activeConnections)
          .tags(pool).register(r);
      Gauge.builder("hikaricp.connections.idle", persistence, PersistenceRuntime::idleConnections)
          .tags(pool).register(r);
      Gauge.builder("hikaricp.connections.pending", persistence, PersistenceRuntime::threadsAwaitingConnection)
          .tags(pool).register(r);
      Gauge.builder("hikaricp.connections.max", persistence, PersistenceRuntime::maxConnections)
          .tags(pool).register(r);
      Gauge.builder("gatehouse.challenges.open", challenges, c -> openChallenges(c, clock))
          .description("Challenges pending or awaiting a passcode, not yet expired (all nodes)").register(r);
    });
  }

  /** The request threads of the REST server (Jetty's pool). */
  void bindHttpServer(RestServer server) {
    registry.ifPresent(r -> {
      Gauge.builder("gatehouse.http.threads", server, RestServer::busyThreads).tag("state", "busy").register(r);
      Gauge.builder("gatehouse.http.threads", server, RestServer::idleThreads).tag("state", "idle").register(r);
      Gauge.builder("gatehouse.http.threads.max", server, RestServer::maxThreads).register(r);
      Gauge.builder("gatehouse.http.queued.requests", server, RestServer::queuedRequests).register(r);
    });
  }

  private static double openChallenges(ChallengeRepository challenges, Clock clock) {
    try {
      return challenges.countOpen(clock.instant());
    } catch (RuntimeException e) {
      LOG.warn("Counting open challenges for the metrics failed: {}", e.getMessage());
      return Double.NaN;
    }
  }

  @Override
  public void close() {
    gc.ifPresent(JvmGcMetrics::close);
    registry.ifPresent(PrometheusMeterRegistry::close);
  }
}
