package dev.gatehouse.application.service.entry;

import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.service.session.SessionGate;
import dev.gatehouse.application.port.in.entry.EditEntryCommand;
import dev.gatehouse.application.port.in.entry.EditEntryUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.EntryRepository;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.entry.Entry;
import dev.gatehouse.domain.entry.SecretChange;
import java.time.Clock;
import java.time.Instant;

/** Edits entries of open workspaces (editors), under optimistic locking. */
public final class EditEntryService implements EditEntryUseCase {
  private final SessionGate gate;
  private final EntryRepository entries;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Clock clock;

  public EditEntryService(SessionGate gate, EntryRepository entries, AuditLog audit, UnitOfWork unitOfWork,
      Clock clock) {
    this.gate = gate;
    this.entries = entries;
    this.audit = audit;
    this.transactions = new Transactions(unitOfWork);
    this.clock = clock;
  }

  @Override
  public Entry edit(EditEntryCommand command) {
    SessionGate.Opened opened = gate.require(command.session()).editor();
    Entry current = EntryLookup.atVersion(EntryLookup.find(entries, opened, command.entry()),
        command.expectedVersion());
    Instant now = clock.instant();
    Entry edited = current.edit(command.details(), command.secret(), opened.user().name(), now);
    return transactions.write(() -> {
      gate.recheck(opened);
      Entry stored = entries.update(edited, command.secret());
      audit.append(EntryAudit.event(AuditEventType.ENTRY_UPDATED, opened, stored, now)
          .outcome(command.secret() instanceof SecretChange.Keep
              ? "ok" : "secret changed").build());
      return stored;
    });
  }
}
