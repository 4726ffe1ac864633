package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.session.SessionSummary;
import java.util.List;

/** A workspace's live sessions, newest first. */
record RestSessionList(List<RestSessionSummary> sessions) {
  static RestSessionList from(List<SessionSummary> sessions) {
    return new RestSessionList(sessions.stream().map(RestSessionSummary::from).toList());
  }
}
