package dev.gatehouse.adapter.duo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.application.port.out.AuthStatus;
import dev.gatehouse.application.port.out.PreauthOutcome;
import dev.gatehouse.application.port.out.PushContext;
import dev.gatehouse.application.port.out.SecondFactorGateway;
import dev.gatehouse.application.port.out.SecondFactorRejectedException;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException.Kind;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.challenge.DuoTransactionId;
import dev.gatehouse.domain.challenge.Passcode;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.mfa.DeviceId;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.mfa.DuoSecretKey;
import dev.gatehouse.domain.mfa.DuoSettings;
import dev.gatehouse.domain.user.DuoUsername;
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
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.LoggerFactory;

/**
 * The {@link SecondFactorGateway} on Duo's Auth API v2: one signed AsyncFeign client per
 * (API hostname, integration key), created on first use and kept for the most recently used
 * {@value #MAX_CLIENTS}, all sharing one JDK HTTP client so connections are reused. Every call is
 * asynchronous underneath; the synchronous port methods wait on the caller's thread, and
 * auth_status long polls hold no thread at all and answer on the callback executor.
 */
final class DuoSecondFactorGateway implements SecondFactorGateway {
  static final String USER_AGENT = "Gatehouse (Duo Auth API v2; Feign; Java)";
  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(DuoSecondFactorGateway.class);
  private static final DateTimeFormatter RFC_2822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);
  /** Ping answers in whole seconds: smaller offsets are noise. */
  private static final long SKEW_NOISE_MILLIS = 2000;
  /**
   * Clients kept: far more than any deployment's workspaces share, while every key ever typed into
   * a settings check would otherwise stay cached for good.
   */
  static final int MAX_CLIENTS = 256;

  private final DuoConfig config;
  private final DuoTransport transport;
  private final Clock clock;
  private final DuoBackoff backoff;
  private final DuoSleeper sleeper;
  private final DuoRequestListener listener;
  private final ObjectMapper mapper;
  /** Least recently used first; guarded by itself. */
  private final Map<ClientKey, DuoConnection> connections = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<ClientKey, DuoConnection> eldest) {
      return size() > MAX_CLIENTS;
    }
  };

  /** The identity of a cached client. */
  private record ClientKey(String apiHostname, String integrationKey) {}

  /** One credential's client, its secret (to notice rotation) and its clock offset to Duo. */
  private record DuoConnection(DuoAuthApi api, DuoSecretKey secretKey, AtomicLong skewMillis, String host) {}

  /** Deadline of an awaitStatus passed while backing off. */
  private static final class DeadlineReached extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DeadlineReached() {
      super("the wait ended", null, false, false);
    }
  }

  DuoSecondFactorGateway(DuoConfig config, Clock clock, DuoBackoff backoff, DuoSleeper sleeper) {
    this(config, clock, backoff, sleeper, DuoRequestListener.NONE);
  }

  DuoSecondFactorGateway(DuoConfig config, Clock clock, DuoBackoff backoff, DuoSleeper sleeper,
      DuoRequestListener listener) {
    this.config = config;
    this.listener = listener;
    this.transport = new DuoTransport(config, listener);
    this.clock = clock;
    this.backoff = backoff;
    this.sleeper = sleeper;
    this.mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }

  /** The production gateway: system clock, the official back-off, timer-based waits. No I/O. */
  static DuoSecondFactorGateway create(DuoConfig config, DuoRequestListener listener) {
    return new DuoSecondFactorGateway(config, Clock.systemUTC(), DuoBackoff.official(), null, listener);
  }

  // ---- the port -------------------------------------------------------------------------------

  @Override
  public void check(DuoSettings settings) {
    DuoConnection c = connection(settings);
    CompletableFuture<Void> clockSynced = config.clockSkewCorrection()
        ? syncClock(c) : CompletableFuture.completedFuture(null);
    await(clockSynced.thenCompose(x -> call(c, api -> api.check(shortOptions()), null)), c);
  }

  @Override
  public PreauthOutcome preauth(DuoSettings settings, DuoUsername user, ClientContext client) {
    DuoConnection c = connection(settings);
    // Gatehouse shows a Verified Duo Push's code on every face, so it always says so: otherwise Duo
    // bypasses the administrator's "Require Verified Duo Push" policy for it.
    DuoParams params = DuoParams.of().with("username", user.value())
        .with("ipaddr", client.ipAddress()).with("hostname", client.hostname())
        .with("client_supports_verified_push", "1");
    DuoPreauthResponse answer = await(call(c, api -> api.preauth(params, shortOptions()), null), c);
    if (answer == null || answer.result() == null || answer.result().isBlank()) {
      throw unparseable(c, "preauth answer has no result");
    }
    return answer.toDomain();
  }

  @Override
  public DuoTransactionId startAuth(DuoSettings settings, DuoUsername user, DeviceSelection selection,
      PushContext context) {
    DuoMethod method = selection.method();
    if (!method.isOutOfBand()) {
      throw new IllegalArgumentException("startAuth sends a push or a call, not " + method.wireName());
    }
    DuoConnection c = connection(settings);
    DuoParams params = DuoParams.of()
        .with("username", user.value())
        .with("factor", method.wireName())
        .with("device", selection.device().value())
        .with("async", "1")
        .with("ipaddr", context.client().ipAddress())
        .with("hostname", context.client().hostname());
    if (method == DuoMethod.PUSH) {
      params.with("type", context.action())
          .with("display_username", context.displayUsername().value())
          .with("pushinfo", pushinfo(context))
          .with("txid", context.verifiedPush().map(DuoTransactionId::value));
    }
    DuoAuthResponse answer = await(call(c, api -> api.auth(params, shortOptions()), null), c);
    if (answer == null || answer.txid() == null || answer.txid().isBlank()) {
      throw unparseable(c, "auth answer has no txid");
    }
    try {
      return new DuoTransactionId(answer.txid());
    } catch (InvalidValueException e) {
      throw unparseable(c, "auth answer has an unusable txid");
    }
  }

  @Override
  public CompletionStage<AuthStatus> awaitStatus(DuoSettings settings, DuoTransactionId transaction,
      Duration maxWait) {
    CompletableFuture<AuthStatus> result = new CompletableFuture<>();
    DuoConnection c;
    try {
      c = connection(settings);
    } catch (RuntimeException e) {
      result.completeExceptionally(DuoErrors.translate(e, settings.apiHostname().value()));
      return result;
    }
    if (maxWait.isZero() || maxWait.isNegative()) {
      result.complete(new AuthStatus.Waiting(StatusMessage.NONE));
      return result;
    }
    Instant deadline = clock.instant().plus(maxWait);
    call(c, api -> api.authStatus(DuoParams.of().with("txid", transaction.value()), untilOptions(deadline)), deadline)
        .whenComplete((answer, error) -> {
          // Read the answer here; the caller's continuations (storage, decryption) run on the
          // callback executor, never on the thread that handles Duo's I/O.
          if (error == null) {
            if (answer == null || !answer.hasResult()) {
              handOver(result, null, unparseable(c, "auth_status answer has no result"));
            } else {
              handOver(result, answer.toPollStatus(), null);
            }
          } else if (DuoErrors.unwrap(error) instanceof DeadlineReached || DuoErrors.isRequestTimeout(error)) {
            // Duo had nothing new within maxWait: not a failure.
            handOver(result, new AuthStatus.Waiting(StatusMessage.NONE), null);
          } else {
            handOver(result, null, DuoErrors.translate(error, c.host()));
          }
        });
    return result;
  }

  @Override
  public AuthStatus verifyPasscode(DuoSettings settings, DuoUsername user, Passcode passcode,
      ClientContext client) {
    DuoConnection c = connection(settings);
    DuoParams params = DuoParams.of()
        .with("username", user.value())
        .with("factor", "passcode")
        .with("passcode", passcode.reveal())
        .with("ipaddr", client.ipAddress())
        .with("hostname", client.hostname());
    DuoAuthResponse answer = await(call(c, api -> api.auth(params, syncAuthOptions()), null), c);
    if (answer == null || !answer.hasResult()) {
      throw unparseable(c, "auth answer has no result");
    }
    return answer.toDomain();
  }

  @Override
  public StatusMessage sendSmsPasscodes(DuoSettings settings, DuoUsername user, DeviceId device,
      ClientContext client) {
    DuoConnection c = connection(settings);
    DuoParams params = DuoParams.of()
        .with("username", user.value())
        .with("factor", "sms")
        .with("device", device.value())
        .with("ipaddr", client.ipAddress())
        .with("hostname", client.hostname());
    DuoAuthResponse answer = await(call(c, api -> api.auth(params, syncAuthOptions()), null), c);
    if (answer == null || !answer.hasResult()) {
      throw unparseable(c, "auth answer has no result");
    }
    // factor=sms never authenticates: Duo answers deny with status "sent" when it sent the batch.
    if (!"sent".equalsIgnoreCase(answer.status() == null ? "" : answer.status().strip())) {
      throw new SecondFactorRejectedException(SecondFactorRejectedException.Reason.REQUEST_REJECTED,
          "Duo at " + c.host() + " did not send SMS passcodes: " + StatusMessage.of(answer.statusMsg()));
    }
    StatusMessage message = StatusMessage.of(answer.statusMsg());
    return message.isEmpty() ? StatusMessage.of("New SMS passcodes sent.") : message;
  }

  // ---- for tests ------------------------------------------------------------------------------

  /** The offset this gateway currently adds to its clock when signing for these settings. */
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

  private DuoConnection connection(DuoSettings settings) {
    ClientKey key = keyOf(settings);
    // One lock for lookups and the rare miss: building a client is cheap and does no network I/O.
    synchronized (connections) {
      DuoConnection current = connections.get(key);
      if (current != null && current.secretKey().equals(settings.secretKey())) {
        return current;
      }
      // New credentials, or a rotated secret key: the old client would only be refused.
      try {
        DuoConnection fresh = newConnection(settings);
        connections.put(key, fresh);
        return fresh;
      } catch (DuoConfigurationException e) {
        throw DuoErrors.translate(e, settings.apiHostname().value());
      }
    }
  }

  private DuoConnection newConnection(DuoSettings settings) {
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
        .options(shortOptions())
        .target(DuoAuthApi.class, "https://" + settings.apiHostname().value());
    return new DuoConnection(api, settings.secretKey(), skew, settings.apiHostname().value());
  }

  private Request.Options shortOptions() {
    return options(config.requestTimeout());
  }

  private Request.Options syncAuthOptions() {
    return options(config.syncAuthTimeout());
  }

  private Request.Options untilOptions(Instant deadline) {
    Duration left = Duration.between(clock.instant(), deadline);
    return options(left.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : left);
  }

  private Request.Options options(Duration requestTimeout) {
    // The connect timeout must equal the shared client's, or Http2Client builds another client.
    return new Request.Options(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
        requestTimeout.toMillis(), TimeUnit.MILLISECONDS, false);
  }

  private DuoSleeper sleeper() {
    return sleeper != null ? sleeper : DuoSleeper.on(transport.executor());
  }

  /** One request with the official 429 back-off and, once, a clock resync on "bad timestamp". */
  private <T> CompletableFuture<T> call(DuoConnection c, Function<DuoAuthApi, CompletableFuture<T>> request,
      Instant deadline) {
    return attempt(c, request, deadline, 1, false);
  }

  private <T> CompletableFuture<T> attempt(DuoConnection c, Function<DuoAuthApi, CompletableFuture<T>> request,
      Instant deadline, int attempt, boolean resynced) {
    CompletableFuture<T> sent;
    try {
      sent = request.apply(c.api());
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
          if (deadline != null && clock.instant().plus(wait.get()).isAfter(deadline)) {
            return CompletableFuture.<T>failedFuture(new DeadlineReached());
          }
          LOG.info("Duo at {} is rate limiting (attempt {}); retrying in {} ms", c.host(), attempt,
              wait.get().toMillis());
          listener.backedOff();
          return sleeper().sleep(wait.get())
              .thenCompose(x -> attempt(c, request, deadline, attempt + 1, resynced));
        }
      }
      if (cause instanceof DuoApiException api && api.isBadTimestamp() && config.clockSkewCorrection()
          && !resynced) {
        return syncClock(c).handle((x, pingError) -> pingError == null
                ? attempt(c, request, deadline, attempt, true)
                : CompletableFuture.<T>failedFuture(cause))
            .thenCompose(Function.identity());
      }
      return CompletableFuture.<T>failedFuture(cause);
    }).thenCompose(Function.identity());
  }

  /** Reads Duo's clock from {@code /auth/v2/ping} and signs with Duo's time from then on. */
  private CompletableFuture<Void> syncClock(DuoConnection c) {
    return c.api().ping(shortOptions()).thenAccept(time -> {
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

  /** Completes a future handed to a caller on the callback executor (inline only if it is shut down). */
  private <T> void handOver(CompletableFuture<T> result, T value, Throwable error) {
    Runnable complete = error == null ? () -> result.complete(value) : () -> result.completeExceptionally(error);
    try {
      transport.callbacks().execute(complete);
    } catch (RejectedExecutionException e) {
      complete.run();
    }
  }

  private static <T> T await(CompletableFuture<T> future, DuoConnection c) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      // Never "unavailable": under failmode safe that would grant access to a request that was
      // merely interrupted (server shutdown, a host application's Future.cancel(true)).
      throw new SecondFactorRejectedException(SecondFactorRejectedException.Reason.REQUEST_REJECTED,
          "Duo at " + c.host() + ": interrupted before Duo answered");
    } catch (ExecutionException | CancellationException e) {
      throw DuoErrors.translate(e, c.host());
    }
  }

  private static SecondFactorUnavailableException unparseable(DuoConnection c, String what) {
    return new SecondFactorUnavailableException(Kind.UNPARSEABLE, "Duo at " + c.host() + ": " + what);
  }

  /** Duo's pushinfo: an already URL-encoded {@code k=v&...} string shown in Duo Mobile. */
  static String pushinfo(PushContext context) {
    StringBuilder out = new StringBuilder("Workspace=").append(DuoCanonical.encode(context.workspace().value()));
    context.client().ipAddress().ifPresent(ip -> out.append("&Client%20address=").append(DuoCanonical.encode(ip)));
    context.client().hostname().ifPresent(h -> out.append("&Client%20host=").append(DuoCanonical.encode(h)));
    return out.toString();
  }

  @Override
  public String toString() {
    return "DuoSecondFactorGateway[" + config.signature() + ", " + cachedClients() + " clients]";
  }
}
