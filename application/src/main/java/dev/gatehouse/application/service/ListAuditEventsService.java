package dev.gatehouse.application.service;

import dev.gatehouse.application.service.common.Access;
import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.in.ListAuditEventsQuery;
import dev.gatehouse.application.port.in.ListAuditEventsUseCase;
import dev.gatehouse.application.port.out.AuditFilter;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import java.util.List;

/** Reads the audit trail, newest first (administrators). */
public final class ListAuditEventsService implements ListAuditEventsUseCase {
  private final AuditLog audit;
  private final Access access;

  public ListAuditEventsService(UserRepository users, WorkspaceRepository workspaces, AuditLog audit) {
    this.audit = audit;
    this.access = new Access(users, workspaces);
  }

  @Override
  public List<AuditEvent> list(ListAuditEventsQuery query) {
    access.administrator(query.actor());
    query.workspace().ifPresent(access::workspace);
    return Transactions.read(() -> audit.list(new AuditFilter(query.workspace(), query.user(), query.limit())));
  }
}
