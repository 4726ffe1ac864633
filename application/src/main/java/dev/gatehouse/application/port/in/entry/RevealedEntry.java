package dev.gatehouse.application.port.in.entry;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.entry.EntryName;
import dev.gatehouse.domain.entry.EntrySecret;
import java.util.Optional;

/** An entry's credential, revealed: the entry, its user name and its secret (redacted in {@code toString}). */
public record RevealedEntry(EntryName entry, Optional<String> username, EntrySecret secret) {
  public RevealedEntry {
    Require.notNull("entry", entry);
    Require.notNull("username", username);
    Require.notNull("secret", secret);
  }
}
