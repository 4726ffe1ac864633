package dev.gatehouse.application.port.in.entry;

import dev.gatehouse.application.port.in.session.SessionCredentials;
import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.entry.EntryDetails;
import dev.gatehouse.domain.entry.EntryName;
import dev.gatehouse.domain.entry.SecretChange;

/**
 * Replace an entry's details (a rename included) and change its secret, if the entry is still at
 * {@code expectedVersion} (editors).
 */
public record EditEntryCommand(SessionCredentials session, EntryName entry, long expectedVersion,
    EntryDetails details, SecretChange secret) {
  public EditEntryCommand {
    Require.notNull("session", session);
    Require.notNull("entry", entry);
    Require.notNull("details", details);
    Require.notNull("secret", secret);
  }
}
