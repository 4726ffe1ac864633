package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.challenge.Denial;
import dev.gatehouse.application.port.in.challenge.SessionGrant;

/**
 * {@code open --json}: {@code outcome} is {@code granted} (with the session token, shown once),
 * {@code denied} (with the denial or the challenge that ended it) or {@code cancelled}.
 */
record CliUnlock(String outcome, String workspace, String grant, String expiresAt,
    String sessionToken, CliChallenge challenge, CliDenial denial) {

  static CliUnlock granted(SessionGrant session, ChallengeView challenge) {
    return new CliUnlock("granted", session.workspace().value(), CliWire.name(session.kind()),
        CliWire.instant(session.expiresAt()), session.token().reveal(),
        challenge == null ? null : CliChallenge.from(challenge), null);
  }

  static CliUnlock denied(String workspace, Denial denial) {
    return new CliUnlock("denied", workspace, null, null, null, null, CliDenial.from(denial));
  }

  static CliUnlock ended(String outcome, String workspace, ChallengeView challenge) {
    return new CliUnlock(outcome, workspace, null, null, null, CliChallenge.from(challenge), null);
  }
}
