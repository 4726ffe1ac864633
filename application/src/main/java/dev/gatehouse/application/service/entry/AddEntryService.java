package dev.gatehouse.application.service.entry;

import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.service.session.SessionGate;
import dev.gatehouse.application.port.in.entry.AddEntryCommand;
import dev.gatehouse.application.port.in.entry.AddEntryUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.EntryRepository;
import dev.gatehouse.application.port.out.SecureTokenSource;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.entry.Entry;
import dev.gatehouse.domain.entry.EntrySecret;
import java.time.Clock;
import java.time.Instant;

/** Adds entries to open workspaces (editors). */
public final class AddEntryService implements AddEntryUseCase {
  private final SessionGate gate;
  private final EntryRepository entries;
  private final SecureTokenSource tokens;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Clock clock;

  public AddEntryService(SessionGate gate, EntryRepository entries, SecureTokenSource tokens,
      AuditLog audit, UnitOfWork unitOfWork, Clock clock) {
    this.gate = gate;
    this.entries = entries;
    this.tokens = tokens;
    this.audit = audit;
    this.transactions = new Transactions(unitOfWork);
    this.clock = clock;
  }

  @Override
  public Entry add(AddEntryCommand command) {
    SessionGate.Opened opened = gate.require(command.session()).editor();
    Instant now = clock.instant();
    Entry entry = Entry.create(tokens.newEntryId(), opened.workspace().id(), command.details(),
        command.secret().map(EntrySecret::kind), opened.user().name(), now);
    transactions.write(() -> {
      gate.recheck(opened);
      entries.add(entry, command.secret());
      audit.append(EntryAudit.event(AuditEventType.ENTRY_ADDED, opened, entry, now).build());
    });
    return entry;
  }
}
