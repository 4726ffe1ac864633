package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.challenge.ChallengeView;

/**
 * A challenge as its owner sees it: state, denial reason, how Gatehouse ended it ({@code endCode},
 * absent when Duo settled it), the message, the code to type into
 * Duo Mobile while a Verified Duo Push waits, the method that settled it, expiry, passcode attempts
 * left and links (an approved unlock's {@code session} link claims its session, once: reading never
 * changes a challenge).
 */
record RestChallenge(String id, String workspace, String purpose, String device, String method,
    String state, String denialReason, String endCode, String message, String verificationCode, String settledBy,
    String expiresAt, int remainingPasscodeAttempts, RestChallengeLinks links) {

  static RestChallenge from(ChallengeView view) {
    return new RestChallenge(view.id().value(), view.workspace().value(),
        RestWire.name(view.purpose()), view.selection().device().value(),
        view.selection().method().wireName(), RestWire.name(view.state()),
        view.denialReason().map(reason -> reason.wireName()).orElse(null),
        view.endCode().map(code -> code.wireName()).orElse(null), RestText.message(view),
        view.verificationCode().map(code -> code.value()).orElse(null),
        view.settledBy().map(method -> method.wireName()).orElse(null), view.expiresAt().toString(), view.remainingPasscodeAttempts(),
        RestChallengeLinks.from(view));
  }
}
