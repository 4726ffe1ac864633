package dev.gatehouse.application.service.entry;

import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.service.session.SessionGate;
import dev.gatehouse.application.port.in.entry.ListEntriesQuery;
import dev.gatehouse.application.port.in.entry.ListEntriesUseCase;
import dev.gatehouse.application.port.out.EntryRepository;
import dev.gatehouse.domain.entry.Entry;
import java.util.List;

/** Lists the entries of open workspaces (members), without secrets. */
public final class ListEntriesService implements ListEntriesUseCase {
  private final SessionGate gate;
  private final EntryRepository entries;

  public ListEntriesService(SessionGate gate, EntryRepository entries) {
    this.gate = gate;
    this.entries = entries;
  }

  @Override
  public List<Entry> list(ListEntriesQuery query) {
    SessionGate.Opened opened = gate.require(query.session());
    return Transactions.read(() -> entries.list(opened.workspace().id()));
  }
}
