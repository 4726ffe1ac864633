package dev.gatehouse.application.service;

import dev.gatehouse.application.service.common.Access;
import dev.gatehouse.application.service.common.SessionRevocation;
import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.in.ChangeUserStatusCommand;
import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.in.DisableUserUseCase;
import dev.gatehouse.application.port.in.EnableUserUseCase;
import dev.gatehouse.application.port.out.ApiTokenRepository;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.application.port.out.WorkspaceSessionRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.user.User;
import java.time.Clock;
import java.time.Instant;

/**
 * Disables and enables users (administrators, never themselves). Disabling revokes the user's
 * tokens and sessions in the same unit of work; the audit trail keeps everything they did.
 */
public final class ChangeUserStatusService implements DisableUserUseCase, EnableUserUseCase {
  private final UserRepository users;
  private final ApiTokenRepository apiTokens;
  private final SessionRevocation revocation;
  private final AuditLog audit;
  private final Access access;
  private final Transactions transactions;
  private final Clock clock;

  public ChangeUserStatusService(UserRepository users, WorkspaceRepository workspaces,
      ApiTokenRepository apiTokens, WorkspaceSessionRepository sessions, AuditLog audit,
      UnitOfWork unitOfWork, Clock clock) {
    this.users = users;
    this.apiTokens = apiTokens;
    this.revocation = new SessionRevocation(sessions, audit, clock);
    this.audit = audit;
    this.access = new Access(users, workspaces);
    this.transactions = new Transactions(unitOfWork);
    this.clock = clock;
  }

  @Override
  public User disable(ChangeUserStatusCommand command) {
    User actor = access.administrator(command.actor());
    if (actor.name().equals(command.user())) {
      throw new ConflictException("you cannot disable yourself; ask another administrator");
    }
    return transactions.write(() -> {
      User user = access.existingUser(command.user());
      if (user.isDisabled()) {
        return user;
      }
      Instant now = clock.instant();
      User disabled = user.disable();
      users.update(disabled);
      int tokens = apiTokens.revokeAllOf(user.name(), now);
      revocation.revokeAllOf(user.name(), actor.name(), "user disabled");
      audit.append(AuditEvent.of(AuditEventType.USER_DISABLED, now).actor(actor.name()).subject(user.name())
          .outcome("disabled").detail(tokens + " API token(s) revoked").build());
      return disabled;
    });
  }

  @Override
  public User enable(ChangeUserStatusCommand command) {
    User actor = access.administrator(command.actor());
    return transactions.write(() -> {
      User user = access.existingUser(command.user());
      if (!user.isDisabled()) {
        return user;
      }
      User enabled = user.enable();
      users.update(enabled);
      audit.append(AuditEvent.of(AuditEventType.USER_ENABLED, clock.instant()).actor(actor.name())
          .subject(user.name()).outcome("enabled").build());
      return enabled;
    });
  }
}
