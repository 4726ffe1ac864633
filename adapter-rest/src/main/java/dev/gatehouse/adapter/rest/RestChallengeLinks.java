package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.ChallengeView;

/**
 * Where to poll, submit a passcode to (while one is awaited, or in place of a push or call still
 * waiting) and cancel (while open) a challenge, and where to claim an approved unlock's session
 * (POST, once, while it is ready).
 */
record RestChallengeLinks(String self, String poll, String passcode, String cancel, String session) {
  static final int POLL_WAIT_SECONDS = 25;

  static String self(String id) {
    return "/api/v1/challenges/" + id;
  }

  static String session(String id) {
    return self(id) + "/session";
  }

  static RestChallengeLinks from(ChallengeView view) {
    String self = self(view.id().value());
    boolean open = !view.isFinal();
    return new RestChallengeLinks(self, open ? self + "?waitSeconds=" + POLL_WAIT_SECONDS : null,
        view.acceptsPasscode() ? self + "/passcode" : null,
        open ? self : null, view.sessionReady() ? session(view.id().value()) : null);
  }
}
