package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.audit.AuditEvent;
import java.util.List;

/** Reads the audit trail, newest first (administrators). */
public interface ListAuditEventsUseCase {
  List<AuditEvent> list(ListAuditEventsQuery query);
}
