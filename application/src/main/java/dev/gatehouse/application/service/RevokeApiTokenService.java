package dev.gatehouse.application.service;

import dev.gatehouse.application.service.common.Access;
import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.in.NotFoundException;
import dev.gatehouse.application.port.in.RevokeApiTokenCommand;
import dev.gatehouse.application.port.in.RevokeApiTokenUseCase;
import dev.gatehouse.application.port.out.ApiTokenRepository;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.user.ApiToken;
import dev.gatehouse.domain.user.User;
import java.time.Clock;
import java.time.Instant;

/** Revokes API tokens: administrators anyone's, users their own; an unknown or foreign id is not found alike. */
public final class RevokeApiTokenService implements RevokeApiTokenUseCase {
  private final ApiTokenRepository apiTokens;
  private final AuditLog audit;
  private final Access access;
  private final Transactions transactions;
  private final Clock clock;

  public RevokeApiTokenService(UserRepository users, WorkspaceRepository workspaces,
      ApiTokenRepository apiTokens, AuditLog audit, UnitOfWork unitOfWork, Clock clock) {
    this.apiTokens = apiTokens;
    this.audit = audit;
    this.access = new Access(users, workspaces);
    this.transactions = new Transactions(unitOfWork);
    this.clock = clock;
  }

  @Override
  public ApiToken revoke(RevokeApiTokenCommand command) {
    User actor = access.actor(command.actor());
    ApiToken token = Transactions.read(() -> apiTokens.find(command.token()))
        .filter(t -> actor.isAdministrator() || t.owner().equals(actor.name()))
        .orElseThrow(() -> new NotFoundException("no API token " + command.token()));
    Instant now = clock.instant();
    return transactions.write(() -> {
      if (apiTokens.revoke(token.id(), now)) {
        audit.append(AuditEvent.of(AuditEventType.API_TOKEN_REVOKED, now).actor(actor.name())
            .subject(token.owner()).outcome("revoked").detail("token " + token.id()).build());
      }
      return apiTokens.find(token.id()).orElseThrow();
    });
  }
}
