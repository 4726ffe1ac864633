package dev.gatehouse.application.fake;

import dev.gatehouse.application.port.out.AccessGuardRepository;
import dev.gatehouse.application.port.out.ApiTokenRepository;
import dev.gatehouse.application.port.out.AuditFilter;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.ChallengeRepository;
import dev.gatehouse.application.port.out.ConcurrentUpdateException;
import dev.gatehouse.application.port.out.DeviceChoiceRepository;
import dev.gatehouse.application.port.out.DuplicateEntryException;
import dev.gatehouse.application.port.out.MfaPolicyRepository;
import dev.gatehouse.application.port.out.StorageException;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.application.port.out.WorkspaceSessionRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.challenge.AccessGuard;
import dev.gatehouse.domain.challenge.Challenge;
import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.mfa.DeviceChoice;
import dev.gatehouse.domain.mfa.MfaPolicy;
import dev.gatehouse.domain.session.GrantKind;
import dev.gatehouse.domain.session.WorkspaceSession;
import dev.gatehouse.domain.user.ApiToken;
import dev.gatehouse.domain.user.TokenHash;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.Workspace;
import dev.gatehouse.domain.workspace.WorkspaceId;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** In-memory fakes of every storage port, each a thin view on one {@link InMemoryStore}. */
public final class InMemoryRepositories {
  private InMemoryRepositories() {}

  /** Users by name. */
  public static final class Users implements UserRepository {
    private final InMemoryStore store;

    public Users(InMemoryStore store) {
      this.store = store;
    }

    @Override
    public void add(User user) {
      store.write(() -> {
        if (store.users.containsKey(user.name())) {
          throw new DuplicateEntryException("user " + user.name() + " exists");
        }
        store.users.put(user.name(), user);
      });
    }

    @Override
    public boolean addFirstAdministrator(User administrator) {
      return store.locked(() -> {
        if (!store.users.isEmpty()) {
          return false;
        }
        add(administrator);
        return true;
      });
    }

    @Override
    public Optional<User> find(UserName name) {
      return store.locked(() -> Optional.ofNullable(store.users.get(name)));
    }

    @Override
    public long count() {
      return store.locked(() -> (long) store.users.size());
    }
  }

  /** API tokens by hash. */
  public static final class ApiTokens implements ApiTokenRepository {
    private final InMemoryStore store;

    public ApiTokens(InMemoryStore store) {
      this.store = store;
    }

    @Override
    public void add(ApiToken token) {
      store.write(() -> {
        requireUser(store, token.owner());
        if (store.apiTokens.putIfAbsent(token.hash(), token) != null) {
          throw new DuplicateEntryException("token exists");
        }
      });
    }

    @Override
    public Optional<ApiToken> find(TokenHash hash) {
      return store.locked(() -> Optional.ofNullable(store.apiTokens.get(hash)));
    }
  }

  /** Workspaces by id, unique by name. */
  public static final class Workspaces implements WorkspaceRepository {
    private final InMemoryStore store;

    public Workspaces(InMemoryStore store) {
      this.store = store;
    }

    @Override
    public void add(Workspace workspace) {
      store.write(() -> {
        if (store.workspaces.containsKey(workspace.id())
            || store.workspaces.values().stream().anyMatch(w -> w.name().equals(workspace.name()))) {
          throw new DuplicateEntryException("workspace " + workspace.name() + " exists");
        }
        workspace.members().forEach(m -> requireUser(store, m));
        store.workspaces.put(workspace.id(), workspace);
      });
    }

    @Override
    public void update(Workspace workspace) {
      store.write(() -> {
        if (!store.workspaces.containsKey(workspace.id())) {
          throw new StorageException("no workspace " + workspace.id() + " to update");
        }
        workspace.members().forEach(m -> requireUser(store, m));
        store.workspaces.put(workspace.id(), workspace);
      });
    }

    @Override
    public Optional<Workspace> find(WorkspaceName name) {
      return store.locked(() -> store.workspaces.values().stream().filter(w -> w.name().equals(name)).findFirst());
    }

    /** The fake's units of work already run one at a time under the store's lock. */
    @Override
    public Optional<Workspace> findForUpdate(WorkspaceName name) {
      return find(name);
    }

    @Override
    public Optional<Workspace> find(WorkspaceId id) {
      return store.locked(() -> Optional.ofNullable(store.workspaces.get(id)));
    }

    @Override
    public List<Workspace> list() {
      return store.locked(() -> store.workspaces.values().stream()
          .sorted(Comparator.comparing(w -> w.name().value())).toList());
    }
  }

  /** MFA policies by workspace. */
  public static final class Policies implements MfaPolicyRepository {
    private final InMemoryStore store;

    public Policies(InMemoryStore store) {
      this.store = store;
    }

    @Override
    public void save(WorkspaceId workspace, MfaPolicy policy) {
      store.write(() -> {
        requireWorkspace(store, workspace);
        store.policies.put(workspace, policy);
      });
    }

    @Override
    public MfaPolicy find(WorkspaceId workspace) {
      return store.locked(() -> store.policies.getOrDefault(workspace, MfaPolicy.NONE));
    }
  }

  /** Device choices by workspace and member. */
  public static final class DeviceChoices implements DeviceChoiceRepository {
    private final InMemoryStore store;

    public DeviceChoices(InMemoryStore store) {
      this.store = store;
    }

    @Override
    public void save(DeviceChoice choice) {
      store.write(() -> {
        requireWorkspace(store, choice.workspace());
        requireUser(store, choice.user());
        store.deviceChoices.put(List.of(choice.workspace(), choice.user()), choice);
      });
    }

    @Override
    public Optional<DeviceChoice> find(WorkspaceId workspace, UserName user) {
      return store.locked(() -> Optional.ofNullable(store.deviceChoices.get(List.of(workspace, user))));
    }
  }

  /** Challenges with optimistic versions and at most one open push, call or SMS per member and workspace. */
  public static final class Challenges implements ChallengeRepository {
    private final InMemoryStore store;

    public Challenges(InMemoryStore store) {
      this.store = store;
    }

    @Override
    public void add(Challenge challenge) {
      store.write(() -> {
        requireWorkspace(store, challenge.workspace());
        requireUser(store, challenge.user());
        if (store.challenges.containsKey(challenge.id())) {
          throw new DuplicateEntryException("challenge exists");
        }
        if (challenge.selection().method().sendsToDevice() && !challenge.state().isFinal()
            && openDeviceRequest(challenge.workspace(), challenge.user()).isPresent()) {
          throw new DuplicateEntryException("an open push, call or SMS exists for this member and workspace");
        }
        store.challenges.put(challenge.id(), challenge);
      });
    }

    @Override
    public Challenge update(Challenge challenge) {
      return store.locked(() -> {
        Challenge current = store.challenges.get(challenge.id());
        if (current == null || current.version() != challenge.version()) {
          throw new ConcurrentUpdateException("challenge " + challenge.id() + " changed meanwhile");
        }
        Challenge next = Challenge.restore(challenge.id(), challenge.workspace(), challenge.user(),
            challenge.purpose(), challenge.selection(), challenge.state(), challenge.denialReason(),
            challenge.duoTransaction(), challenge.statusMessage(), challenge.verificationCode(),
            Optional.of(challenge.settledBy()).filter(m -> challenge.supersededByPasscode()),
            challenge.passcodeAttempts(), challenge.createdAt(), challenge.expiresAt(), challenge.sessionIssued(),
            challenge.version() + 1);
        store.write(() -> store.challenges.put(next.id(), next));
        return next;
      });
    }

    @Override
    public Optional<Challenge> find(ChallengeId id) {
      return store.locked(() -> Optional.ofNullable(store.challenges.get(id)));
    }

    @Override
    public Optional<Challenge> findOpenDeviceRequest(WorkspaceId workspace, UserName user) {
      return store.locked(() -> openDeviceRequest(workspace, user));
    }

    @Override
    public List<Challenge> findOpen(WorkspaceId workspace, UserName user) {
      return store.locked(() -> store.challenges.values().stream()
          .filter(c -> c.workspace().equals(workspace) && c.user().equals(user) && !c.state().isFinal())
          .sorted(Comparator.comparing(Challenge::createdAt))
          .toList());
    }

    private Optional<Challenge> openDeviceRequest(WorkspaceId workspace, UserName user) {
      return store.challenges.values().stream()
          .filter(c -> c.workspace().equals(workspace) && c.user().equals(user))
          .filter(c -> c.selection().method().sendsToDevice() && !c.state().isFinal())
          .findFirst();
    }
  }

  /** Workspace sessions by token hash. */
  public static final class Sessions implements WorkspaceSessionRepository {
    private final InMemoryStore store;

    public Sessions(InMemoryStore store) {
      this.store = store;
    }

    @Override
    public void add(WorkspaceSession session) {
      store.write(() -> {
        requireWorkspace(store, session.workspace());
        requireUser(store, session.user());
        if (store.sessions.putIfAbsent(session.tokenHash(), session) != null) {
          throw new DuplicateEntryException("session exists");
        }
      });
    }

    @Override
    public Optional<WorkspaceSession> find(TokenHash hash) {
      return store.locked(() -> Optional.ofNullable(store.sessions.get(hash)));
    }

    @Override
    public Optional<WorkspaceSession> findLatestDuoApproved(WorkspaceId workspace, UserName user) {
      return store.locked(() -> store.sessions.values().stream()
          .filter(s -> s.workspace().equals(workspace) && s.user().equals(user))
          .filter(s -> s.grantKind() == GrantKind.DUO_APPROVED)
          .max(Comparator.comparing(WorkspaceSession::createdAt)));
    }
  }

  /** Access guards by workspace and member. */
  public static final class Guards implements AccessGuardRepository {
    private final InMemoryStore store;

    public Guards(InMemoryStore store) {
      this.store = store;
    }

    @Override
    public void save(AccessGuard guard) {
      store.write(() -> {
        requireWorkspace(store, guard.workspace());
        requireUser(store, guard.user());
        store.guards.put(List.of(guard.workspace(), guard.user()), guard);
      });
    }

    @Override
    public Optional<AccessGuard> find(WorkspaceId workspace, UserName user) {
      return store.locked(() -> Optional.ofNullable(store.guards.get(List.of(workspace, user))));
    }
  }

  /** The audit trail: appended in order, read newest first. */
  public static final class Audit implements AuditLog {
    private final InMemoryStore store;

    public Audit(InMemoryStore store) {
      this.store = store;
    }

    @Override
    public void append(AuditEvent event) {
      store.write(() -> store.audit.add(event));
    }

    @Override
    public List<AuditEvent> list(AuditFilter filter) {
      return store.locked(() -> {
        List<AuditEvent> newestFirst = new ArrayList<>(store.audit);
        Collections.reverse(newestFirst);
        return newestFirst.stream()
            .filter(e -> filter.workspace().isEmpty() || e.workspace().equals(filter.workspace()))
            .filter(e -> filter.user().isEmpty() || e.actor().equals(filter.user())
                || e.subject().equals(filter.user()))
            .limit(filter.limit())
            .toList();
      });
    }
  }

  private static void requireUser(InMemoryStore store, UserName user) {
    if (!store.users.containsKey(user)) {
      throw new StorageException("no user " + user + " (foreign key)");
    }
  }

  private static void requireWorkspace(InMemoryStore store, WorkspaceId workspace) {
    if (!store.workspaces.containsKey(workspace)) {
      throw new StorageException("no workspace " + workspace + " (foreign key)");
    }
  }
}
