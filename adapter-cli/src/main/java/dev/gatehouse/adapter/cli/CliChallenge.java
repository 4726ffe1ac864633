package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.challenge.EndCode;
import dev.gatehouse.domain.mfa.DuoMethod;

/**
 * A challenge as its owner sees it, with the method that settled it once final and how Gatehouse
 * ended it, if it did; field names as in REST's challenge ({@code denialReason}, {@code endCode}).
 */
record CliChallenge(String id, String purpose, String device, String method, String state,
    String denialReason, String endCode, String message, String settledBy, String expiresAt, int remainingPasscodeAttempts) {
  static CliChallenge from(ChallengeView view) {
    return new CliChallenge(view.id().value(), CliWire.name(view.purpose()),
        view.selection().device().value(), view.selection().method().wireName(),
        CliWire.name(view.state()), view.denialReason().map(DenialReason::wireName).orElse(null),
        view.endCode().map(EndCode::wireName).orElse(null),
        CliText.message(view), view.settledBy().map(DuoMethod::wireName).orElse(null),
        CliWire.instant(view.expiresAt()), view.remainingPasscodeAttempts());
  }
}
