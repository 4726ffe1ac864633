package dev.gatehouse.domain.entry;

import dev.gatehouse.domain.common.Require;

/** What an edit does to an entry's secret: keep it, replace it, or remove it. */
public sealed interface SecretChange permits SecretChange.Keep, SecretChange.Replace, SecretChange.Clear {
  SecretChange KEEP = new Keep();
  SecretChange CLEAR = new Clear();

  /** The secret stays as stored. */
  record Keep() implements SecretChange {}

  /** A new secret replaces the stored one (or is added). */
  record Replace(EntrySecret secret) implements SecretChange {
    public Replace {
      Require.notNull("secret", secret);
    }
  }

  /** The entry no longer has a secret. */
  record Clear() implements SecretChange {}
}
