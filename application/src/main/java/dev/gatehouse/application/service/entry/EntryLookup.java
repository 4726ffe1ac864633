package dev.gatehouse.application.service.entry;

import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.service.session.SessionGate;
import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.in.NotFoundException;
import dev.gatehouse.application.port.out.EntryRepository;
import dev.gatehouse.domain.entry.Entry;
import dev.gatehouse.domain.entry.EntryName;

/** Finds an entry of an opened workspace by name, or says it does not exist. */
final class EntryLookup {
  private EntryLookup() {}

  /** The entry, if it is still at the version the caller read; a conflict otherwise. */
  static Entry atVersion(Entry current, long expected) {
    if (current.version() != expected) {
      throw new ConflictException("entry " + current.name() + " is at version " + current.version()
          + ", not " + expected + ": someone changed it meanwhile; reload it and try again");
    }
    return current;
  }

  static Entry find(EntryRepository entries, SessionGate.Opened opened, EntryName name) {
    return Transactions.read(() -> entries.find(opened.workspace().id(), name))
        .orElseThrow(() -> new NotFoundException("no entry named " + name + " in workspace "
            + opened.workspace().name()));
  }
}
