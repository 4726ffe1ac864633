package dev.gatehouse.application.port.in.entry;

import dev.gatehouse.application.port.in.session.SessionCredentials;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.entry.EntryName;

/** Reveal an entry's secret inside an open workspace (members), from the given client. */
public record RevealEntryCommand(SessionCredentials session, EntryName entry, ClientContext client) {
  public RevealEntryCommand {
    Require.notNull("session", session);
    Require.notNull("entry", entry);
    Require.notNull("client", client);
  }
}
