package dev.gatehouse.application.port.in.entry;

import dev.gatehouse.application.port.in.session.SessionCredentials;
import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.entry.EntryDetails;
import dev.gatehouse.domain.entry.EntrySecret;
import java.util.Optional;

/** Add an entry, with an optional secret, to an open workspace (editors). */
public record AddEntryCommand(SessionCredentials session, EntryDetails details, Optional<EntrySecret> secret) {
  public AddEntryCommand {
    Require.notNull("session", session);
    Require.notNull("details", details);
    Require.notNull("secret", secret);
  }
}
