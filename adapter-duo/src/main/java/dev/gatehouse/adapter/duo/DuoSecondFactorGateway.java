package dev.gatehouse.adapter.duo;

import dev.gatehouse.adapter.duo.DuoConnections.Connection;
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
import dev.gatehouse.domain.mfa.DuoSettings;
import dev.gatehouse.domain.user.DuoUsername;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * The {@link SecondFactorGateway} on Duo's Auth API v2: builds each request's parameters and reads
 * Duo's answers and failures in the port's terms ({@link PreauthOutcome}, {@link AuthStatus},
 * {@link SecondFactorUnavailableException}, {@link SecondFactorRejectedException}). Reaching Duo
 * (clients, back-off, clock skew) is {@link DuoConnections}' job. The synchronous port methods
 * wait on the caller's thread; auth_status long polls hold no thread at all and answer on the
 * callback executor.
 */
final class DuoSecondFactorGateway implements SecondFactorGateway {
  private final DuoConnections connections;

  DuoSecondFactorGateway(DuoConnections connections) {
    this.connections = connections;
  }

  /** The production gateway: system clock, the official back-off, timer-based waits. No I/O. */
  static DuoSecondFactorGateway create(DuoConfig config, DuoRequestListener listener) {
    return new DuoSecondFactorGateway(
        new DuoConnections(config, Clock.systemUTC(), DuoBackoff.official(), null, listener));
  }

  // ---- the port -------------------------------------------------------------------------------

  @Override
  public void check(DuoSettings settings) {
    Connection c = connection(settings);
    await(connections.followDuosClock(c)
        .thenCompose(x -> connections.send(c, shortTimeout(), (api, options) -> api.check(options))), c);
  }

  @Override
  public PreauthOutcome preauth(DuoSettings settings, DuoUsername user, ClientContext client) {
    Connection c = connection(settings);
    // Gatehouse shows a Verified Duo Push's code on every face, so it always says so: otherwise Duo
    // bypasses the administrator's "Require Verified Duo Push" policy for it.
    DuoParams params = DuoParams.of().with("username", user.value())
        .with("ipaddr", client.ipAddress()).with("hostname", client.hostname())
        .with("client_supports_verified_push", "1");
    DuoPreauthResponse answer = call(c, shortTimeout(), (api, options) -> api.preauth(params, options));
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
    Connection c = connection(settings);
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
    DuoAuthResponse answer = call(c, shortTimeout(), (api, options) -> api.auth(params, options));
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
    Connection c;
    try {
      c = connection(settings);
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return result;
    }
    if (maxWait.isZero() || maxWait.isNegative()) {
      result.complete(new AuthStatus.Waiting(StatusMessage.NONE));
      return result;
    }
    DuoParams txid = DuoParams.of().with("txid", transaction.value());
    // Completes on the callback executor: the caller's continuations (storage, decryption) never
    // run on the threads that handle Duo's I/O.
    CompletableFuture<Optional<DuoAuthResponse>> polling =
        connections.poll(c, maxWait, (api, options) -> api.authStatus(txid, options));
    result.whenComplete((status, error) -> {
      if (result.isCancelled()) {
        polling.cancel(true);
      }
    });
    polling.whenComplete((answer, error) -> {
      if (error != null) {
        result.completeExceptionally(DuoErrors.translate(error, c.host()));
      } else if (answer.isEmpty()) {
        // Duo had nothing new within maxWait: not a failure.
        result.complete(new AuthStatus.Waiting(StatusMessage.NONE));
      } else if (!answer.get().hasResult()) {
        result.completeExceptionally(unparseable(c, "auth_status answer has no result"));
      } else {
        result.complete(answer.get().toPollStatus());
      }
    });
    return result;
  }

  @Override
  public AuthStatus verifyPasscode(DuoSettings settings, DuoUsername user, Passcode passcode,
      ClientContext client) {
    Connection c = connection(settings);
    DuoParams params = DuoParams.of()
        .with("username", user.value())
        .with("factor", "passcode")
        .with("passcode", passcode.reveal())
        .with("ipaddr", client.ipAddress())
        .with("hostname", client.hostname());
    DuoAuthResponse answer = call(c, syncAuthTimeout(), (api, options) -> api.auth(params, options));
    if (answer == null || !answer.hasResult()) {
      throw unparseable(c, "auth answer has no result");
    }
    return answer.toDomain();
  }

  @Override
  public StatusMessage sendSmsPasscodes(DuoSettings settings, DuoUsername user, DeviceId device,
      ClientContext client) {
    Connection c = connection(settings);
    DuoParams params = DuoParams.of()
        .with("username", user.value())
        .with("factor", "sms")
        .with("device", device.value())
        .with("ipaddr", client.ipAddress())
        .with("hostname", client.hostname());
    DuoAuthResponse answer = call(c, syncAuthTimeout(), (api, options) -> api.auth(params, options));
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

  /** How this gateway reaches Duo (for tests: its client cache and clock offsets). */
  DuoConnections connections() {
    return connections;
  }

  // ---- reading Duo's answers --------------------------------------------------------------------

  private Connection connection(DuoSettings settings) {
    try {
      return connections.connection(settings);
    } catch (RuntimeException e) {
      throw DuoErrors.translate(e, settings.apiHostname().value());
    }
  }

  private Duration shortTimeout() {
    return connections.config().requestTimeout();
  }

  private Duration syncAuthTimeout() {
    return connections.config().syncAuthTimeout();
  }

  /** One synchronous call, its failures in the port's terms. */
  private <T> T call(Connection c, Duration timeout, DuoConnections.Call<T> call) {
    return await(connections.send(c, timeout, call), c);
  }

  private static <T> T await(CompletableFuture<T> future, Connection c) {
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

  private static SecondFactorUnavailableException unparseable(Connection c, String what) {
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
    return "DuoSecondFactorGateway[" + connections + "]";
  }
}
