package dev.gatehouse.application.service;

import dev.gatehouse.application.service.common.Access;
import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.in.AddUserCommand;
import dev.gatehouse.application.port.in.AddUserUseCase;
import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserName;
import java.time.Clock;
import java.util.Locale;

/** Adds users: the first one (whoever asks) as an administrator, later ones by an administrator. */
public final class AddUserService implements AddUserUseCase {
  private final UserRepository users;
  private final AuditLog audit;
  private final Access access;
  private final Transactions transactions;
  private final Clock clock;

  public AddUserService(UserRepository users, WorkspaceRepository workspaces, AuditLog audit,
      UnitOfWork unitOfWork, Clock clock) {
    this.users = users;
    this.audit = audit;
    this.access = new Access(users, workspaces);
    this.transactions = new Transactions(unitOfWork);
    this.clock = clock;
  }

  @Override
  public User add(AddUserCommand command) {
    return transactions.write(() -> {
      User firstAdministrator = User.create(command.name(), Role.ADMINISTRATOR,
          command.duoUsername().orElse(null), clock.instant());
      // Stored only while no user exists, atomically in the repository: two concurrent first
      // requests cannot both become administrators.
      if (users.addFirstAdministrator(firstAdministrator)) {
        audit(firstAdministrator, firstAdministrator.name(), "first user: administrator");
        return firstAdministrator;
      }
      access.administrator(command.actor());
      if (users.find(command.name()).isPresent()) {
        throw new ConflictException("a user named " + command.name() + " already exists");
      }
      User user = User.create(command.name(), command.role(), command.duoUsername().orElse(null),
          clock.instant());
      users.add(user);
      audit(user, command.actor(), "duo username " + user.duoUsername());
      return user;
    });
  }

  private void audit(User user, UserName actor, String detail) {
    audit.append(AuditEvent.of(AuditEventType.USER_ADDED, clock.instant()).actor(actor).subject(user.name())
        .outcome(user.role().name().toLowerCase(Locale.ROOT)).detail(detail).build());
  }
}
