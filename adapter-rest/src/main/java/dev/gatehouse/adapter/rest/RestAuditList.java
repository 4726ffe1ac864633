package dev.gatehouse.adapter.rest;

import dev.gatehouse.domain.audit.AuditEvent;
import java.util.List;

/** Audit events, newest first. */
record RestAuditList(List<RestAuditEvent> events) {
  static RestAuditList from(List<AuditEvent> events) {
    return new RestAuditList(events.stream().map(RestAuditEvent::from).toList());
  }
}
