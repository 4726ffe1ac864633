package dev.gatehouse.adapter.cli;

import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.mfa.DuoMethod;

/** One audit trail entry. */
record CliAuditEvent(String at, String type, String actor, String workspace, String subject,
    String method, String duoTransaction, String outcome, String detail) {
  static CliAuditEvent from(AuditEvent event) {
    return new CliAuditEvent(CliWire.instant(event.at()), CliWire.name(event.type()),
        CliWire.text(event.actor()), CliWire.text(event.workspace()), CliWire.text(event.subject()),
        event.method().map(DuoMethod::wireName).orElse(null), CliWire.text(event.duoTransaction()),
        event.outcome(), event.detail());
  }
}
