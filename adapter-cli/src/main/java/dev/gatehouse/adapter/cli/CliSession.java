package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.session.SessionSummary;

/** A live workspace session as {@code session list --json} prints it: never its token. */
record CliSession(String id, String user, String workspace, String kind, String createdAt, String expiresAt) {
  static CliSession from(SessionSummary session) {
    return new CliSession(session.id().value(), session.user().value(), session.workspace().value(),
        CliWire.name(session.kind()), CliWire.instant(session.createdAt()), CliWire.instant(session.expiresAt()));
  }
}
