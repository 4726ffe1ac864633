package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.session.SessionSummary;

/** Whether the caller's workspace session is live and, if it is, its id, kind and times (never its token). */
record RestSessionStatus(boolean live, String id, String kind, String createdAt, String expiresAt) {
  static final RestSessionStatus NOT_LIVE = new RestSessionStatus(false, null, null, null, null);

  static RestSessionStatus live(SessionSummary session) {
    return new RestSessionStatus(true, session.id().value(), RestWire.name(session.kind()),
        session.createdAt().toString(), session.expiresAt().toString());
  }
}
