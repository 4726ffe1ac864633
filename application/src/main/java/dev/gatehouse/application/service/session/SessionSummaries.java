package dev.gatehouse.application.service.session;

import dev.gatehouse.application.port.in.session.SessionSummary;
import dev.gatehouse.domain.session.WorkspaceSession;
import dev.gatehouse.domain.workspace.WorkspaceName;

/** Turns a stored session into what people see of it. */
final class SessionSummaries {
  private SessionSummaries() {}

  static SessionSummary of(WorkspaceSession session, WorkspaceName workspace) {
    return new SessionSummary(session.id(), session.user(), workspace, session.grantKind(),
        session.createdAt(), session.expiresAt());
  }
}
