package dev.gatehouse.adapter.rest;

import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.mfa.DuoMethod;

/** One audit trail entry. */
record RestAuditEvent(String at, String type, String actor, String workspace, String subject,
    String method, String duoTransaction, String outcome, String detail) {
  static RestAuditEvent from(AuditEvent event) {
    return new RestAuditEvent(event.at().toString(), RestWire.name(event.type()),
        event.actor().map(Object::toString).orElse(null),
        event.workspace().map(Object::toString).orElse(null),
        event.subject().map(Object::toString).orElse(null),
        event.method().map(DuoMethod::wireName).orElse(null),
        event.duoTransaction().map(Object::toString).orElse(null), event.outcome(), event.detail());
  }
}
