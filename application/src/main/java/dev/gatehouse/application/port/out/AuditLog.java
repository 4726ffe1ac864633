package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.audit.AuditEvent;
import java.util.List;

/** The append-only audit trail. Methods throw {@link StorageException} when storage fails. */
public interface AuditLog {
  void append(AuditEvent event);

  /** Events matching the filter, newest first. */
  List<AuditEvent> list(AuditFilter filter);
}
