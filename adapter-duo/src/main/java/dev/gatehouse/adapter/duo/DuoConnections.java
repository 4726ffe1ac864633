package dev.gatehouse.adapter.duo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.domain.mfa.DuoSecretKey;
import dev.gatehouse.domain.mfa.DuoSettings;
import feign.AsyncFeign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.LoggerFactory;

/**
 * How Gatehouse reaches Duo, whatever it asks: one signed AsyncFeign client per (API hostname,
 * integration key), created on first use and kept for the most recently used {@value #MAX_CLIENTS},
 * all sharing one HTTP client (DuoTransport) so connections are reused; the official 429 back-off; and
 * following Duo's clock when Duo rejects a request's date. Answers and failures come back as Duo
 * sent them: {@link DuoSecondFactorGateway} reads them in the port's terms.
 */
final class DuoConnections {
  static final String USER_AGENT = "Gatehouse (Duo Auth API v2; Feign; Java)";
  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(DuoConnections.class);
  private static final DateTimeFormatter RFC_2822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);
  /** Ping answers in whole seconds: smaller offsets are noise. */
  private static final long SKEW_NOISE_MILLIS = 2000;
  /**
   * Clients kept: far more than any deployment's workspaces share, while every key ever typed into
   * a settings check would otherwise stay cached for good.
   */
  static final int MAX_CLIENTS = 256;

  /** A request to Duo given its client and the timeouts to use. */
  @FunctionalInterface
  interface Call<T> extends BiFunction<DuoAuthApi, Request.Options, CompletableFuture<T>> {}

  /** One credential's client, its secret (to notice rotation), its clock offset to Duo and its host. */
  record Connection(DuoAuthApi api, DuoSecretKey secretKey, AtomicLong skewMillis, String host) {
    @Override
    public String toString() {
      return "Connection[" + host + ", secret key redacted]";
    }
  }

  /** The identity of a cached client. */
  private record ClientKey(String apiHostname, String integrationKey) {}

  /** The next back-off wait would pass the deadline; the cause is Duo's last 429. */
  private static final class DeadlineReached extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DeadlineReached(Throwable rateLimited) {
      super("the wait ended", rateLimited, false, false);
    }
  }

  private final DuoConfig config;
  private final DuoTransport transport;
  private final Clock clock;
  private final DuoBackoff backoff;
  private final DuoSleeper sleeper;
  private final DuoRequestListener listener;
  private final ObjectMapper mapper;
  /** Least recently used first; guarded by itself. */
  private final Map<ClientKey, Connection> connections = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<ClientKey, Connection> eldest) {
      return size() > MAX_CLIENTS;
    }
  };

  /** {@code sleeper} null: timer-based waits on the I/O executor. Does no I/O. */
  DuoConnections(DuoConfig config, Clock clock, DuoBackoff backoff, DuoSleeper sleeper,
      DuoRequestListener listener) {
    this.config = config;
    this.listener = listener;
    this.transport = new DuoTransport(config, listener);
    this.clock = clock;
    this.backoff = backoff;
    this.sleeper = sleeper;
    this.mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }

  DuoConfig config() {
    return config;
  }

  /**
   * The client for these settings, built on first use (no network I/O) or when the secret key
   * changed. Throws {@link DuoConfigurationException} when Gatehouse's own settings are unusable.
   */
  Connection connection(DuoSettings settings) {
    ClientKey key = keyOf(settings);
    // One lock for lookups and the rare miss: building a client is cheap and does no network I/O.
    synchronized (connections) {
      Connection current = connections.get(key);
      if (current != null && current.secretKey().equals(settings.secretKey())) {
        return current;
      }
      // New credentials, or a rotated secret key: the old client would only be refused.
      Connection fresh = newConnection(settings);
      connections.put(key, fresh);
      return fresh;
    }
  }

  /**
   * One request answered within {@code timeout}, with the official 429 back-off for as long as
   * {@link DuoConfig#backoffBudget()} allows; then it fails with Duo's last 429.
   */
  <T> CompletableFuture<T> send(Connection c, Duration timeout, Call<T> call) {
    Request.Options options = options(timeout);
    Instant budgetEnds = clock.instant().plus(config.backoffBudget());
    return attempt(c, api -> call.apply(api, options), budgetEnds, 1, false, new InFlight())
        .exceptionallyCompose(error -> CompletableFuture.failedFuture(
            DuoErrors.unwrap(error) instanceof DeadlineReached reached ? reached.getCause() : error));
  }

  /**
   * Duo's long poll for at most {@code maxWait}: empty when that passed first (the request timed
   * out, or backing off would pass it). Completes on the callback executor, so what callers chain
   * onto it never runs on Duo's I/O threads. Cancelling the result abandons the poll: its request
   * is aborted (its connection closed) and no back-off retry follows.
   */
  <T> CompletableFuture<Optional<T>> poll(Connection c, Duration maxWait, Call<T> call) {
    CompletableFuture<Optional<T>> result = new CompletableFuture<>();
    Instant deadline = clock.instant().plus(maxWait);
    InFlight inFlight = new InFlight();
    result.whenComplete((answer, error) -> {
      if (result.isCancelled()) {
        inFlight.abandon();
      }
    });
    attempt(c, api -> call.apply(api, untilOptions(deadline)), deadline, 1, false, inFlight)
        .whenComplete((answer, error) -> {
          if (error == null && answer == null) {
            handOver(result, null, new DuoProtocolException(200, "Duo's answer is empty"));
          } else if (error == null) {
            handOver(result, Optional.of(answer), null);
          } else if (DuoErrors.unwrap(error) instanceof DeadlineReached || DuoErrors.isRequestTimeout(error)) {
            handOver(result, Optional.empty(), null);
          } else {
            handOver(result, null, error);
          }
        });
    return result;
  }

  /** Follows Duo's clock from {@code /auth/v2/ping} when clock-skew correction is on. */
  CompletableFuture<Void> followDuosClock(Connection c) {
    return config.clockSkewCorrection() ? syncClock(c) : CompletableFuture.completedFuture(null);
  }

  // ---- for tests ------------------------------------------------------------------------------

  /** The offset currently added to the clock when signing for these settings. */
  Duration clockSkew(DuoSettings settings) {
    return Duration.ofMillis(connection(settings).skewMillis().get());
  }

  /** How many clients are cached (one per API hostname and integration key). */
  int cachedClients() {
    synchronized (connections) {
      return connections.size();
    }
  }

  /** Whether a client for these settings' hostname and integration key is cached. */
  boolean caches(DuoSettings settings) {
    synchronized (connections) {
      return connections.containsKey(keyOf(settings));
    }
  }

  // ---- machinery ------------------------------------------------------------------------------

  private static ClientKey keyOf(DuoSettings settings) {
    return new ClientKey(settings.apiHostname().value(), settings.integrationKey().value());
  }

  private Connection newConnection(DuoSettings settings) {
    AtomicLong skew = new AtomicLong();
    DuoSigner signer = new DuoSigner(DuoSignatureScheme.of(config.signature()),
        settings.integrationKey().value(), settings.secretKey().reveal());
    String host = settings.apiHostname().host();
    DuoAuthApi api = AsyncFeign.<Object>builder()
        .client(transport.client())
        .encoder(new DuoBodyEncoder(signer.scheme().jsonBodies()))
        .decoder(new DuoResponseDecoder(mapper))
        .errorDecoder(new DuoErrorDecoder(mapper, clock))
        .retryer(Retryer.NEVER_RETRY)
        .requestInterceptor(template -> template.removeHeader("User-Agent").headerLiteral("User-Agent", USER_AGENT))
        .requestInterceptor(new DuoSigningInterceptor(signer, host,
            () -> RFC_2822.format(clock.instant().plusMillis(skew.get()))))
        .logger(new DuoWireLogger())
        .logLevel(Logger.Level.FULL)
        .options(options(config.requestTimeout()))
        .target(DuoAuthApi.class, "https://" + settings.apiHostname().value());
    return new Connection(api, settings.secretKey(), skew, settings.apiHostname().value());
  }

  private Request.Options untilOptions(Instant deadline) {
    Duration left = Duration.between(clock.instant(), deadline);
    return options(left.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : left);
  }

  private Request.Options options(Duration requestTimeout) {
    // The shared client applies its own connect timeout (the same setting); the read timeout is per request.
    return new Request.Options(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
        requestTimeout.toMillis(), TimeUnit.MILLISECONDS, false);
  }

  private DuoSleeper sleeper() {
    return sleeper != null ? sleeper : DuoSleeper.on(transport.executor());
  }

  /**
   * One attempt, then the official 429 back-off while each wait ends by {@code deadline} and, once,
   * a clock resync on "bad timestamp".
   */
  private <T> CompletableFuture<T> attempt(Connection c, Function<DuoAuthApi, CompletableFuture<T>> request,
      Instant deadline, int attempt, boolean resynced, InFlight inFlight) {
    if (inFlight.abandoned) {
      return CompletableFuture.failedFuture(new CancellationException("the caller abandoned the request"));
    }
    CompletableFuture<T> sent;
    try {
      sent = DuoHttpClient.tracking(inFlight::now, () -> request.apply(c.api()));
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    return sent.handle((value, error) -> {
      if (error == null) {
        return CompletableFuture.completedFuture(value);
      }
      Throwable cause = DuoErrors.unwrap(error);
      if (cause instanceof DuoApiException api && api.isRateLimited()) {
        Optional<Duration> wait = backoff.beforeRetry(attempt, api.retryAfter());
        if (wait.isPresent()) {
          if (clock.instant().plus(wait.get()).isAfter(deadline)) {
            return CompletableFuture.<T>failedFuture(new DeadlineReached(cause));
          }
          LOG.info("Duo at {} is rate limiting (attempt {}); retrying in {} ms", c.host(), attempt,
              wait.get().toMillis());
          listener.backedOff();
          return sleeper().sleep(wait.get())
              .thenCompose(x -> attempt(c, request, deadline, attempt + 1, resynced, inFlight));
        }
      }
      if (cause instanceof DuoApiException api && api.isBadTimestamp() && config.clockSkewCorrection()
          && !resynced) {
        return syncClock(c).handle((x, pingError) -> pingError == null
                ? attempt(c, request, deadline, attempt, true, inFlight)
                : CompletableFuture.<T>failedFuture(cause))
            .thenCompose(Function.identity());
      }
      return CompletableFuture.<T>failedFuture(cause);
    }).thenCompose(Function.identity());
  }

  /** Reads Duo's clock from {@code /auth/v2/ping} and signs with Duo's time from then on. */
  private CompletableFuture<Void> syncClock(Connection c) {
    return c.api().ping(options(config.requestTimeout())).thenAccept(time -> {
      if (time == null || time.time() == null || time.time() <= 0) {
        throw new DuoProtocolException(200, "Duo's ping answer has no time");
      }
      long offset = time.time() * 1000 + 500 - clock.millis();
      long applied = Math.abs(offset) < SKEW_NOISE_MILLIS ? 0 : offset;
      if (c.skewMillis().getAndSet(applied) != applied) {
        LOG.info("Duo at {}: clock offset now {} ms", c.host(), applied);
      }
    });
  }

  /** The exchange of one call now on the wire, so a caller that gives up can abort it. */
  private static final class InFlight {
    private volatile CompletableFuture<?> exchange;
    private volatile boolean abandoned;

    void now(CompletableFuture<?> begun) {
      exchange = begun;
      if (abandoned) {
        begun.cancel(true);
      }
    }

    void abandon() {
      abandoned = true;
      CompletableFuture<?> current = exchange;
      if (current != null) {
        current.cancel(true);
      }
    }
  }

  /** Completes a future handed to a caller on the callback executor (inline only if it is shut down). */
  private <T> void handOver(CompletableFuture<T> result, T value, Throwable error) {
    Runnable complete = error == null ? () -> result.complete(value) : () -> result.completeExceptionally(error);
    try {
      transport.callbacks().execute(complete);
    } catch (RejectedExecutionException e) {
      complete.run();
    }
  }

  @Override
  public String toString() {
    return "DuoConnections[" + config.signature() + ", " + cachedClients() + " clients]";
  }
}
