package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.session.SessionSummary;

/** A live workspace session as administrators see it: id, user, kind and times, never its token. */
record RestSessionSummary(String id, String user, String kind, String createdAt, String expiresAt) {
  static RestSessionSummary from(SessionSummary session) {
    return new RestSessionSummary(session.id().value(), session.user().value(),
        RestWire.name(session.kind()), session.createdAt().toString(), session.expiresAt().toString());
  }
}
