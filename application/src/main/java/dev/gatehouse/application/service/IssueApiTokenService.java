package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.AccessDeniedException;
import dev.gatehouse.application.port.in.IssueApiTokenCommand;
import dev.gatehouse.application.port.in.IssueApiTokenUseCase;
import dev.gatehouse.application.port.in.IssuedApiToken;
import dev.gatehouse.application.port.out.ApiTokenRepository;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.SecureTokenSource;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.user.ApiToken;
import dev.gatehouse.domain.user.SecretToken;
import dev.gatehouse.domain.user.User;
import java.time.Clock;
import java.time.Instant;

/** Issues API tokens to a user, asked by an administrator or by that user. */
public final class IssueApiTokenService implements IssueApiTokenUseCase {
  private final ApiTokenRepository apiTokens;
  private final SecureTokenSource tokens;
  private final AuditLog audit;
  private final Access access;
  private final Transactions transactions;
  private final Clock clock;

  public IssueApiTokenService(UserRepository users, WorkspaceRepository workspaces,
      ApiTokenRepository apiTokens, SecureTokenSource tokens, AuditLog audit, UnitOfWork unitOfWork,
      Clock clock) {
    this.apiTokens = apiTokens;
    this.tokens = tokens;
    this.audit = audit;
    this.access = new Access(users, workspaces);
    this.transactions = new Transactions(unitOfWork);
    this.clock = clock;
  }

  @Override
  public IssuedApiToken issue(IssueApiTokenCommand command) {
    User actor = access.actor(command.actor());
    if (!actor.isAdministrator() && !actor.name().equals(command.owner())) {
      throw new AccessDeniedException(actor.name() + " may issue tokens only for themselves");
    }
    User owner = access.existingUser(command.owner());
    SecretToken token = tokens.newToken();
    Instant now = clock.instant();
    transactions.write(() -> {
      apiTokens.add(new ApiToken(tokens.hash(token), owner.name(), now));
      audit.append(AuditEvent.of(AuditEventType.API_TOKEN_ISSUED, now).actor(actor.name())
          .subject(owner.name()).build());
    });
    return new IssuedApiToken(owner.name(), token, now);
  }
}
