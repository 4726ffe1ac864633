package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.NotFoundException;
import dev.gatehouse.application.port.in.entry.RevealEntryCommand;
import dev.gatehouse.application.port.in.entry.RevealEntryUseCase;
import dev.gatehouse.application.port.in.entry.RevealedEntry;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.Telemetry;
import dev.gatehouse.application.port.out.EntryRepository;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.entry.Entry;
import dev.gatehouse.domain.entry.EntrySecret;
import java.time.Clock;
import java.time.Instant;

/**
 * Reveals entry secrets inside open workspaces (members). The audit event is appended in the unit
 * of work that opens the secret: no reveal without its {@code CREDENTIAL_REVEALED}.
 */
public final class RevealEntryService implements RevealEntryUseCase {
  private final SessionGate gate;
  private final EntryRepository entries;
  private final AuditLog audit;
  private final Telemetry telemetry;
  private final Transactions transactions;
  private final Clock clock;

  public RevealEntryService(SessionGate gate, EntryRepository entries, AuditLog audit,
      UnitOfWork unitOfWork, Clock clock, Telemetry telemetry) {
    this.telemetry = telemetry;
    this.gate = gate;
    this.entries = entries;
    this.audit = audit;
    this.transactions = new Transactions(unitOfWork);
    this.clock = clock;
  }

  @Override
  public RevealedEntry reveal(RevealEntryCommand command) {
    SessionGate.Opened opened = gate.require(command.session());
    Entry entry = EntryLookup.find(entries, opened, command.entry());
    Instant now = clock.instant();
    EntrySecret secret = transactions.write(() -> {
      EntrySecret found = entries.secretOf(opened.workspace().id(), entry.id())
          .orElseThrow(() -> new NotFoundException("entry " + entry.name() + " has no secret to reveal"));
      audit.append(EntryAudit.event(AuditEventType.CREDENTIAL_REVEALED, opened, entry, now)
          .outcome(found.kind().wireName())
          .detail("entry " + entry.name() + " (" + entry.id() + "), session " + opened.session().id()
              + ", client " + command.client().ipAddress().orElse("unknown"))
          .build());
      return found;
    });
    telemetry.credentialRevealed();
    return new RevealedEntry(entry.name(), entry.details().username(), secret);
  }
}
