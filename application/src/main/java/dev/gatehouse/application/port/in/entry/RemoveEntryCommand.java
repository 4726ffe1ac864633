package dev.gatehouse.application.port.in.entry;

import dev.gatehouse.application.port.in.session.SessionCredentials;
import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.entry.EntryName;
import java.util.Optional;

/** Remove an entry and its secret (editors), if it is still at {@code expectedVersion} when one is given. */
public record RemoveEntryCommand(SessionCredentials session, EntryName entry, Optional<Long> expectedVersion) {
  public RemoveEntryCommand {
    Require.notNull("session", session);
    Require.notNull("entry", entry);
    Require.notNull("expectedVersion", expectedVersion);
  }
}
