package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.ListAuditEventsQuery;
import dev.gatehouse.application.port.in.ListAuditEventsUseCase;
import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.List;
import java.util.Optional;

/** The audit trail, newest first (administrators). */
final class AuditResource {
  private final ListAuditEventsUseCase listAuditEvents;

  AuditResource(ListAuditEventsUseCase listAuditEvents) {
    this.listAuditEvents = listAuditEvents;
  }

  List<RestRoute> routes() {
    return List.of(RestRoute.sync("GET", "/api/v1/audit", RestAccess.BEARER, this::list));
  }

  RestReply list(RestRequest request) {
    RestFields fields = new RestFields();
    Optional<WorkspaceName> workspace = request.query("workspace")
        .map(text -> fields.parse("workspace", () -> new WorkspaceName(text)));
    Optional<UserName> user = request.query("user").map(text -> fields.parse("user", () -> new UserName(text)));
    Integer limit = request.query("limit").map(text -> fields.parse("limit", () -> limit(text)))
        .orElse(ListAuditEventsQuery.DEFAULT_LIMIT);
    fields.check();
    return RestReply.ok(RestAuditList.from(listAuditEvents.list(
        new ListAuditEventsQuery(request.actor(), workspace, user, limit))));
  }

  private static Integer limit(String text) {
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidValueException("limit", "must be a whole number");
    }
  }
}
