package dev.gatehouse.application.service;

import dev.gatehouse.application.service.common.Access;
import dev.gatehouse.application.service.common.FreshApproval;
import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.in.StepUpAction;
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
import dev.gatehouse.domain.user.TokenScope;
import dev.gatehouse.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Issues API tokens to a user, asked by an administrator or by that user — a user only with their
 * own fresh Duo approval, so that a token cannot mint further tokens unattended; only
 * administrators grant extra scopes. A disabled user gets none.
 */
public final class IssueApiTokenService implements IssueApiTokenUseCase {
  private final ApiTokenRepository apiTokens;
  private final SecureTokenSource tokens;
  private final AuditLog audit;
  private final Access access;
  private final FreshApproval freshApproval;
  private final Transactions transactions;
  private final Clock clock;

  public IssueApiTokenService(UserRepository users, WorkspaceRepository workspaces,
      ApiTokenRepository apiTokens, SecureTokenSource tokens, AuditLog audit, UnitOfWork unitOfWork,
      FreshApproval freshApproval, Clock clock) {
    this.apiTokens = apiTokens;
    this.freshApproval = freshApproval;
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
    if (!actor.isAdministrator() && !command.scopes().isEmpty()) {
      throw new AccessDeniedException("only administrators may issue tokens with extra scopes");
    }
    User owner = access.existingUser(command.owner());
    if (owner.isDisabled()) {
      throw new AccessDeniedException("user " + owner.name() + " is disabled");
    }
    if (!actor.isAdministrator()) {
      freshApproval.requireAnywhere(actor, StepUpAction.ISSUE_API_TOKEN);
    }
    SecretToken token = tokens.newToken();
    Instant now = clock.instant();
    Optional<Instant> expiresAt = command.expiresIn().map(now::plus);
    ApiToken stored = ApiToken.issue(tokens.newTokenId(), tokens.hash(token), owner.name(), command.scopes(),
        now, expiresAt);
    transactions.write(() -> {
      apiTokens.add(stored);
      audit.append(AuditEvent.of(AuditEventType.API_TOKEN_ISSUED, now).actor(actor.name())
          .subject(owner.name()).detail("token " + stored.id()
              + expiresAt.map(e -> ", expires " + e).orElse("")
              + (stored.scopes().isEmpty() ? "" : ", scopes " + stored.scopes().stream()
                  .map(TokenScope::wireName).sorted().collect(Collectors.joining(","))))
          .build());
    });
    return new IssuedApiToken(stored.id(), owner.name(), token, now, expiresAt, stored.scopes());
  }
}
