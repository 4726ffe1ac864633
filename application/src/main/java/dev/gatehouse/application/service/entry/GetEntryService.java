package dev.gatehouse.application.service.entry;

import dev.gatehouse.application.service.session.SessionGate;
import dev.gatehouse.application.port.in.entry.GetEntryQuery;
import dev.gatehouse.application.port.in.entry.GetEntryUseCase;
import dev.gatehouse.application.port.out.EntryRepository;
import dev.gatehouse.domain.entry.Entry;

/** Shows one entry of an open workspace (members), without its secret. */
public final class GetEntryService implements GetEntryUseCase {
  private final SessionGate gate;
  private final EntryRepository entries;

  public GetEntryService(SessionGate gate, EntryRepository entries) {
    this.gate = gate;
    this.entries = entries;
  }

  @Override
  public Entry get(GetEntryQuery query) {
    return EntryLookup.find(entries, gate.require(query.session()), query.entry());
  }
}
