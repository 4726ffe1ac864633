package dev.gatehouse.application.service;

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
      boolean first = users.count() == 0;
      if (!first) {
        access.administrator(command.actor());
      }
      if (users.find(command.name()).isPresent()) {
        throw new ConflictException("a user named " + command.name() + " already exists");
      }
      Role role = first ? Role.ADMINISTRATOR : command.role();
      User user = User.create(command.name(), role, command.duoUsername().orElse(null), clock.instant());
      users.add(user);
      audit.append(AuditEvent.of(AuditEventType.USER_ADDED, clock.instant())
          .actor(first ? user.name() : command.actor()).subject(user.name())
          .outcome(role.name().toLowerCase(Locale.ROOT))
          .detail(first ? "first user: administrator" : "duo username " + user.duoUsername())
          .build());
      return user;
    });
  }
}
