package dev.gatehouse.application.service.entry;

import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.service.session.SessionGate;
import dev.gatehouse.application.port.in.NotFoundException;
import dev.gatehouse.application.port.in.entry.RemoveEntryCommand;
import dev.gatehouse.application.port.in.entry.RemoveEntryUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.EntryRepository;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.entry.Entry;
import java.time.Clock;
import java.time.Instant;

/** Removes entries of open workspaces (editors). */
public final class RemoveEntryService implements RemoveEntryUseCase {
  private final SessionGate gate;
  private final EntryRepository entries;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Clock clock;

  public RemoveEntryService(SessionGate gate, EntryRepository entries, AuditLog audit,
      UnitOfWork unitOfWork, Clock clock) {
    this.gate = gate;
    this.entries = entries;
    this.audit = audit;
    this.transactions = new Transactions(unitOfWork);
    this.clock = clock;
  }

  @Override
  public void remove(RemoveEntryCommand command) {
    SessionGate.Opened opened = gate.require(command.session()).editor();
    Entry current = EntryLookup.find(entries, opened, command.entry());
    command.expectedVersion().ifPresent(expected -> EntryLookup.atVersion(current, expected));
    Instant now = clock.instant();
    transactions.write(() -> {
      gate.recheck(opened);
      if (!entries.remove(opened.workspace().id(), current.id())) {
        throw new NotFoundException("no entry named " + current.name() + " in workspace " + opened.workspace().name());
      }
      audit.append(EntryAudit.event(AuditEventType.ENTRY_REMOVED, opened, current, now).build());
    });
  }
}
