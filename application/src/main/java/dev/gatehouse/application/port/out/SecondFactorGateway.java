package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.challenge.DuoTransactionId;
import dev.gatehouse.domain.challenge.Passcode;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.mfa.DeviceId;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoSettings;
import dev.gatehouse.domain.user.DuoUsername;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * The second-factor provider (Duo), in Gatehouse's terms. Every method throws
 * {@link SecondFactorUnavailableException} when the provider cannot be reached or answers
 * unusably (the failmode cases) and {@link SecondFactorRejectedException} when it refuses the
 * request (credentials, integration, rate limit after back-off, bad request). Asynchronous results
 * complete exceptionally with the same two exceptions. Nothing returned or thrown carries the
 * secret key.
 */
public interface SecondFactorGateway {
  /** Verifies the settings (integration key, secret key, hostname, clock) without authenticating anyone. */
  void check(DuoSettings settings);

  /** Whether the user may authenticate, and with which devices. */
  PreauthOutcome preauth(DuoSettings settings, DuoUsername user, ClientContext client);

  /**
   * Starts an asynchronous push or phone call to the selected device and returns Duo's
   * transaction id; the outcome is read with {@link #awaitStatus}.
   */
  DuoTransactionId startAuth(DuoSettings settings, DuoUsername user, DeviceSelection selection,
      PushContext context);

  /**
   * The transaction's next status: completes as soon as Duo reports a change, or with
   * {@link AuthStatus.Waiting} once {@code maxWait} has passed. Holds no thread while waiting. A
   * connect timeout, a dropped connection or a 5xx fails it with
   * {@link SecondFactorUnavailableException}: transient, the transaction may still be pending.
   * Cancelling it ({@code toCompletableFuture().cancel}) abandons the wait: the request to Duo is
   * aborted, so nothing stays parked at Duo for a transaction this process no longer follows.
   */
  CompletionStage<AuthStatus> awaitStatus(DuoSettings settings, DuoTransactionId transaction,
      Duration maxWait);

  /** Verifies a typed passcode; the answer is {@link AuthStatus.Allowed} or {@link AuthStatus.Denied}. */
  AuthStatus verifyPasscode(DuoSettings settings, DuoUsername user, Passcode passcode,
      ClientContext client);

  /** Has Duo send a new batch of SMS passcodes to the device; returns Duo's status message. */
  StatusMessage sendSmsPasscodes(DuoSettings settings, DuoUsername user, DeviceId device,
      ClientContext client);
}
