package dev.gatehouse.adapter.web;

import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.port.in.ChallengeView;
import dev.gatehouse.application.port.in.ClaimSessionCommand;
import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.in.SessionGrant;
import dev.gatehouse.application.port.in.session.CloseSessionCommand;
import dev.gatehouse.application.port.in.session.SessionCredentials;

/**
 * Keeps what a challenge grants: every read of a challenge passes here, and when it shows an
 * approved unlock whose session is ready, the session is claimed (once; reading never hands it
 * out) and its token goes into the web session.
 */
final class WebChallenges {
  private final Gatehouse gatehouse;

  WebChallenges(Gatehouse gatehouse) {
    this.gatehouse = gatehouse;
  }

  WebChallenge observe(WebRequest request, ChallengeView view) {
    if (view.sessionReady()) {
      try {
        keep(request, gatehouse.claimSession().claim(new ClaimSessionCommand(request.actor(), view.id())));
      } catch (ConflictException claimedMeanwhile) {
        // Another read of this challenge (the status poll beside the page, a second tab) claimed it first.
      }
    }
    return WebChallenge.from(view);
  }

  /** Keeps the workspace session in the web session, closing one this browser held before for the workspace. */
  void keep(WebRequest request, SessionGrant grant) {
    request.session().forget(grant.workspace()).ifPresent(previous -> gatehouse.closeSession().close(
        new CloseSessionCommand(new SessionCredentials(request.actor(), grant.workspace(), previous.token()))));
    request.session().opened(grant.workspace(), new WebOpenWorkspace(grant.id(), grant.token(), grant.expiresAt()));
  }
}
