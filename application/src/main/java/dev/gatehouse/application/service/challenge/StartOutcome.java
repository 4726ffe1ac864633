package dev.gatehouse.application.service.challenge;

import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.challenge.Denial;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException;
import dev.gatehouse.domain.challenge.StatusMessage;

/** What came of trying to start a challenge; the caller decides what a bypass or an outage means. */
public sealed interface StartOutcome {
  record Started(ChallengeView challenge) implements StartOutcome {}

  /** Refused, and audited as such. */
  record Refused(Denial denial) implements StartOutcome {}

  /** Duo's preauth said allow. */
  record Bypassed(StatusMessage message) implements StartOutcome {}

  /** Duo could not be reached before or while starting: the failmode case. */
  record Unavailable(SecondFactorUnavailableException failure) implements StartOutcome {}
}
