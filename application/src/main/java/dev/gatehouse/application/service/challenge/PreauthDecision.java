package dev.gatehouse.application.service.challenge;

import dev.gatehouse.application.service.common.DuoFailures;
import dev.gatehouse.application.port.in.challenge.Denial;
import dev.gatehouse.application.port.in.challenge.DenialCode;
import dev.gatehouse.application.port.out.PreauthOutcome;
import dev.gatehouse.application.port.out.SecondFactorGateway;
import dev.gatehouse.application.port.out.SecondFactorRejectedException;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.challenge.DuoTransactionId;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.mfa.DuoDevice;
import dev.gatehouse.domain.mfa.DuoSettings;
import dev.gatehouse.domain.user.DuoUsername;
import java.util.List;
import java.util.Optional;

/**
 * What Duo's preauth decides for a user, in Gatehouse's terms: the one reading of allow, deny,
 * enroll, auth and Duo failures, used wherever a preauth is made (opening a workspace, verifying a
 * device, a step-up).
 */
sealed interface PreauthDecision {
  /** A second factor is needed; these are the user's devices. */
  record Authenticate(List<DuoDevice> devices, StatusMessage message, Optional<DuoTransactionId> verifiedPush)
      implements PreauthDecision {}

  /** Duo lets the user in without a second factor. */
  record Bypass(StatusMessage message) implements PreauthDecision {}

  /** Duo refuses the user (deny, enroll). */
  record Refused(Denial denial) implements PreauthDecision {}

  /** Duo refused the request itself (credentials, configuration, rate limit, a bad request). */
  record Rejected(SecondFactorRejectedException failure) implements PreauthDecision {
    Denial denial() {
      return DuoFailures.denial(failure);
    }
  }

  /** Duo could not be reached or answered unusably: the failmode case. */
  record Unavailable(SecondFactorUnavailableException failure) implements PreauthDecision {}

  static PreauthDecision ask(SecondFactorGateway gateway, DuoSettings settings, DuoUsername user,
      ClientContext client) {
    PreauthOutcome preauth;
    try {
      preauth = gateway.preauth(settings, user, client);
    } catch (SecondFactorUnavailableException e) {
      return new Unavailable(e);
    } catch (SecondFactorRejectedException e) {
      return new Rejected(e);
    }
    if (preauth instanceof PreauthOutcome.Authenticate authenticate) {
      return new Authenticate(authenticate.devices(), authenticate.message(), authenticate.verifiedPush());
    }
    if (preauth instanceof PreauthOutcome.Allow allow) {
      return new Bypass(allow.message());
    }
    if (preauth instanceof PreauthOutcome.Enroll enroll) {
      return new Refused(Denial.enrollment(enroll.message(), enroll.enrollmentUrl()));
    }
    // Deny, and any answer Gatehouse does not know, refuses.
    return new Refused(Denial.byDuo(DenialCode.DUO_DENIED, preauth.message()));
  }
}
