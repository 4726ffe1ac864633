package dev.gatehouse.application.port.in.entry;

import dev.gatehouse.application.port.in.session.SessionCredentials;
import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.entry.EntryName;

/** Show one entry of an open workspace (members). */
public record GetEntryQuery(SessionCredentials session, EntryName entry) {
  public GetEntryQuery {
    Require.notNull("session", session);
    Require.notNull("entry", entry);
  }
}
