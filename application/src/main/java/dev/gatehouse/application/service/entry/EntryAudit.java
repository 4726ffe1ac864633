package dev.gatehouse.application.service.entry;

import dev.gatehouse.application.service.session.SessionGate;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.entry.Entry;
import java.time.Instant;

/** The audit event of an entry operation: who, where, which entry, on which session; never the secret. */
final class EntryAudit {
  private EntryAudit() {}

  static AuditEvent.Builder event(AuditEventType type, SessionGate.Opened opened, Entry entry, Instant at) {
    return AuditEvent.of(type, at).actor(opened.user().name()).workspace(opened.workspace().name())
        .outcome("ok").detail("entry " + entry.name() + " (" + entry.id() + "), session " + opened.session().id());
  }
}
