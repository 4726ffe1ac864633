package dev.gatehouse.application.service;

import dev.gatehouse.application.service.common.Access;
import dev.gatehouse.application.service.common.FreshApproval;
import dev.gatehouse.application.service.common.SessionRevocation;
import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.in.StepUpAction;
import dev.gatehouse.application.port.in.ConfigureDuoCommand;
import dev.gatehouse.application.port.in.ConfigureDuoResult;
import dev.gatehouse.application.port.in.ConfigureDuoUseCase;
import dev.gatehouse.application.port.in.DuoCheckResult;
import dev.gatehouse.application.port.in.DuoSummary;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.MfaPolicyRepository;
import dev.gatehouse.application.port.out.SecondFactorGateway;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.application.port.out.WorkspaceSessionRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.mfa.MfaPolicy;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a workspace's Duo settings with Duo and saves them only when the check passes. Weakening a
 * Duo workspace — failmode {@code secure} to {@code safe}, or another Duo application — needs the
 * administrator's own fresh Duo approval.
 */
public final class ConfigureDuoService implements ConfigureDuoUseCase {
  private final MfaPolicyRepository policies;
  private final AuditLog audit;
  private final SessionRevocation revocation;
  private final Access access;
  private final DuoSettingsCheck check;
  private final FreshApproval freshApproval;
  private final Transactions transactions;
  private final Clock clock;

  public ConfigureDuoService(UserRepository users, WorkspaceRepository workspaces,
      MfaPolicyRepository policies, WorkspaceSessionRepository sessions, SecondFactorGateway gateway, AuditLog audit,
      UnitOfWork unitOfWork, FreshApproval freshApproval, Clock clock) {
    this.policies = policies;
    this.freshApproval = freshApproval;
    this.audit = audit;
    this.revocation = new SessionRevocation(sessions, audit, clock);
    this.access = new Access(users, workspaces);
    this.transactions = new Transactions(unitOfWork);
    this.check = new DuoSettingsCheck(gateway, audit, transactions, clock);
    this.clock = clock;
  }

  @Override
  public ConfigureDuoResult configure(ConfigureDuoCommand command) {
    User actor = access.administrator(command.actor());
    Workspace workspace = access.workspace(command.workspace());
    if (Transactions.read(() -> policies.find(workspace.id())) instanceof MfaPolicy.Duo current) {
      stepUpIfWeakened(actor, workspace, current, command);
    }
    DuoCheckResult result = check.check(actor, command.settings(), Optional.of(workspace.name()));
    if (result instanceof DuoCheckResult.Failed failed) {
      transactions.write(() -> audit.append(AuditEvent.of(AuditEventType.MFA_CONFIGURATION_REJECTED,
          clock.instant()).actor(actor.name()).workspace(workspace.name())
          .outcome("not saved").detail(failed.problem().name().toLowerCase(Locale.ROOT) + ": " + failed.report()).build()));
      return new ConfigureDuoResult.CheckFailed(failed);
    }
    MfaPolicy.Duo policy = new MfaPolicy.Duo(command.settings(), command.failmode(), command.options());
    transactions.write(() -> {
      revocation.revoke(workspace, Optional.empty(), Optional.of(actor.name()), "MFA settings changed");
      policies.save(workspace.id(), policy);
      audit.append(AuditEvent.of(AuditEventType.MFA_CONFIGURED, clock.instant()).actor(actor.name())
          .workspace(workspace.name()).outcome("duo")
          .detail("api hostname " + command.settings().apiHostname() + ", integration key "
              + command.settings().integrationKey() + ", failmode " + command.failmode().wireName())
          .build());
    });
    return new ConfigureDuoResult.Configured(DuoSummary.from(policy));
  }

  /**
   * A Duo workspace switched from {@code secure} to {@code safe}, or pointed at another Duo
   * application (whose approvals someone else may control), is as good as without MFA: that needs
   * the administrator's fresh approval. A first configuration, or one that keeps both, does not.
   */
  private void stepUpIfWeakened(User actor, Workspace workspace, MfaPolicy.Duo current, ConfigureDuoCommand command) {
    if (current.failmode() == Failmode.SECURE && command.failmode() == Failmode.SAFE) {
      freshApproval.require(actor, workspace, StepUpAction.SWITCH_FAILMODE_TO_SAFE);
    }
    if (!current.settings().equals(command.settings())) {
      freshApproval.require(actor, workspace, StepUpAction.CHANGE_DUO_APPLICATION);
    }
  }
}
