package dev.gatehouse.application.service;

import dev.gatehouse.application.service.common.Access;
import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.in.MasterKeyRotated;
import dev.gatehouse.application.port.in.RotateMasterKeyCommand;
import dev.gatehouse.application.port.in.RotateMasterKeyUseCase;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.MasterKeyRotation;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.user.User;
import java.time.Clock;

/** Rotates the master key (administrators), audited with the key ids — never key material. */
public final class RotateMasterKeyService implements RotateMasterKeyUseCase {
  private final MasterKeyRotation masterKeys;
  private final AuditLog audit;
  private final Access access;
  private final Transactions transactions;
  private final Clock clock;

  public RotateMasterKeyService(UserRepository users, WorkspaceRepository workspaces,
      MasterKeyRotation masterKeys, AuditLog audit, UnitOfWork unitOfWork, Clock clock) {
    this.masterKeys = masterKeys;
    this.audit = audit;
    this.access = new Access(users, workspaces);
    this.transactions = new Transactions(unitOfWork);
    this.clock = clock;
  }

  @Override
  public MasterKeyRotated rotate(RotateMasterKeyCommand command) {
    User actor = access.administrator(command.actor());
    MasterKeyRotation.Rotated rotated = transactions.write(() -> {
      MasterKeyRotation.Rotated done = masterKeys.rotate();
      audit.append(AuditEvent.of(AuditEventType.MASTER_KEY_ROTATED, clock.instant()).actor(actor.name())
          .outcome("rotated").detail("master key " + done.previousKeyId() + " -> " + done.currentKeyId()
              + ", " + done.rewrapped() + " wrapped key(s) re-wrapped").build());
      return done;
    });
    return new MasterKeyRotated(rotated.previousKeyId(), rotated.currentKeyId(), rotated.rewrapped());
  }
}
