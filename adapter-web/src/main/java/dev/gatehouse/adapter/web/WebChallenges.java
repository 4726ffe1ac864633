package dev.gatehouse.adapter.web;

import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.port.in.ChallengeView;
import dev.gatehouse.application.port.in.SessionGrant;
import dev.gatehouse.application.port.in.session.CloseSessionCommand;
import dev.gatehouse.application.port.in.session.SessionCredentials;

/**
 * Keeps what a challenge grants: an approved unlock carries its session token the first time it
 * is read, so every read of a challenge passes here and the token goes into the web session.
 */
final class WebChallenges {
  private final Gatehouse gatehouse;

  WebChallenges(Gatehouse gatehouse) {
    this.gatehouse = gatehouse;
  }

  WebChallenge observe(WebRequest request, ChallengeView view) {
    view.session().ifPresent(grant -> keep(request, grant));
    return WebChallenge.from(view);
  }

  /** Keeps the workspace session in the web session, closing one this browser held before for the workspace. */
  void keep(WebRequest request, SessionGrant grant) {
    request.session().forget(grant.workspace()).ifPresent(previous -> gatehouse.closeSession().close(
        new CloseSessionCommand(new SessionCredentials(request.actor(), grant.workspace(), previous.token()))));
    request.session().opened(grant.workspace(), new WebOpenWorkspace(grant.id(), grant.token(), grant.expiresAt()));
  }
}
