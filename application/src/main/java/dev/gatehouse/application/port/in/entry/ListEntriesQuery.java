package dev.gatehouse.application.port.in.entry;

import dev.gatehouse.application.port.in.session.SessionCredentials;
import dev.gatehouse.domain.common.Require;

/** List the entries of an open workspace (members). */
public record ListEntriesQuery(SessionCredentials session) {
  public ListEntriesQuery {
    Require.notNull("session", session);
  }
}
