package dev.gatehouse.application.fake;

import dev.gatehouse.application.port.out.AccessGuardRepository;
import dev.gatehouse.application.port.out.ApiTokenRepository;
import dev.gatehouse.application.port.out.AuditFilter;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.ApiTokenRepository.OwnedToken;
import dev.gatehouse.application.port.out.ChallengeRepository;
import dev.gatehouse.application.port.out.ChallengeRepository.HeldLeases;
import dev.gatehouse.application.port.out.ConcurrentUpdateException;
import dev.gatehouse.application.port.out.DeviceChoiceRepository;
import dev.gatehouse.application.port.out.DuplicateEntryException;
import dev.gatehouse.application.port.out.EntryRepository;
import dev.gatehouse.application.port.out.MasterKeyRotation;
import dev.gatehouse.application.port.out.MfaPolicyRepository;
import dev.gatehouse.application.port.out.StorageException;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.application.port.out.WorkspaceSessionRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.challenge.AccessGuard;
import dev.gatehouse.domain.challenge.Challenge;
import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.StepUpTarget;
import dev.gatehouse.domain.entry.Entry;
import dev.gatehouse.domain.entry.EntryId;
import dev.gatehouse.domain.entry.EntryName;
import dev.gatehouse.domain.entry.EntrySecret;
import dev.gatehouse.domain.entry.SecretChange;
import dev.gatehouse.domain.mfa.DeviceChoice;
import dev.gatehouse.domain.mfa.MfaPolicy;
import dev.gatehouse.domain.session.GrantKind;
import dev.gatehouse.domain.session.SessionId;
import dev.gatehouse.domain.session.WorkspaceSession;
import dev.gatehouse.domain.user.ApiToken;
import dev.gatehouse.domain.user.TokenHash;
import dev.gatehouse.domain.user.TokenId;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.MemberRole;
import dev.gatehouse.domain.workspace.Workspace;
import dev.gatehouse.domain.workspace.WorkspaceId;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

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

    @Override
    public void update(User user) {
      store.write(() -> {
        if (!store.users.containsKey(user.name())) {
          throw new StorageException("no user " + user.name() + " to update");
        }
        store.users.put(user.name(), user);
      });
    }

    @Override
    public List<User> list() {
      return store.locked(() -> store.users.values().stream()
          .sorted(Comparator.comparing(User::name)).toList());
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
    public Optional<OwnedToken> find(TokenHash hash) {
      return store.locked(() -> Optional.ofNullable(store.apiTokens.get(hash))
          .flatMap(t -> Optional.ofNullable(store.users.get(t.owner())).map(owner -> new OwnedToken(t, owner))));
    }

    @Override
    public Optional<ApiToken> find(TokenId id) {
      return store.locked(() -> store.apiTokens.values().stream().filter(t -> t.id().equals(id)).findFirst());
    }

    @Override
    public List<ApiToken> list(Optional<UserName> owner) {
      return store.locked(() -> store.apiTokens.values().stream()
          .filter(t -> owner.isEmpty() || t.owner().equals(owner.get()))
          .sorted(Comparator.comparing(ApiToken::issuedAt).reversed()).toList());
    }

    @Override
    public boolean touch(TokenId id, Instant usedAt) {
      return replace(id, t -> new ApiToken(t.id(), t.hash(), t.owner(), t.scopes(), t.issuedAt(), t.expiresAt(),
          Optional.of(usedAt), t.revokedAt()), t -> true);
    }

    @Override
    public boolean revoke(TokenId id, Instant at) {
      return replace(id, t -> new ApiToken(t.id(), t.hash(), t.owner(), t.scopes(), t.issuedAt(), t.expiresAt(),
          t.lastUsedAt(), Optional.of(at)), t -> t.revokedAt().isEmpty());
    }

    @Override
    public int revokeAllOf(UserName owner, Instant at) {
      return store.locked(() -> (int) store.apiTokens.values().stream()
          .filter(t -> t.owner().equals(owner) && t.revokedAt().isEmpty()).map(ApiToken::id).toList()
          .stream().filter(id -> revoke(id, at)).count());
    }

    private boolean replace(TokenId id, UnaryOperator<ApiToken> change, Predicate<ApiToken> when) {
      return store.locked(() -> {
        Optional<ApiToken> token = find(id).filter(when);
        token.ifPresent(t -> store.write(() -> store.apiTokens.put(t.hash(), change.apply(t))));
        return token.isPresent();
      });
    }
  }

  /** Workspaces by id, unique by name, and their members. */
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
        store.workspaces.put(workspace.id(), workspace);
      });
    }

    @Override
    public void update(Workspace workspace) {
      store.write(() -> {
        if (!store.workspaces.containsKey(workspace.id())) {
          throw new StorageException("no workspace " + workspace.id() + " to update");
        }
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

    @Override
    public List<Workspace> listOf(UserName member) {
      return store.locked(() -> store.workspaces.values().stream()
          .filter(w -> store.members.containsKey(List.of(w.id(), member)))
          .sorted(Comparator.comparing(w -> w.name().value())).toList());
    }

    @Override
    public Optional<MemberRole> roleOf(WorkspaceId workspace, UserName user) {
      return store.locked(() -> Optional.ofNullable(store.members.get(List.of(workspace, user))));
    }

    @Override
    public void putMember(WorkspaceId workspace, UserName user, MemberRole role) {
      store.write(() -> {
        requireWorkspace(store, workspace);
        requireUser(store, user);
        store.members.put(List.of(workspace, user), role);
      });
    }

    @Override
    public boolean removeMember(WorkspaceId workspace, UserName user) {
      return store.locked(() -> {
        boolean member = store.members.containsKey(List.of(workspace, user));
        if (member) {
          store.write(() -> store.members.remove(List.of(workspace, user)));
        }
        return member;
      });
    }

    @Override
    public SortedMap<UserName, MemberRole> members(WorkspaceId workspace) {
      return store.locked(() -> {
        SortedMap<UserName, MemberRole> members = new TreeMap<>();
        store.members.forEach((key, role) -> {
          if (key.get(0).equals(workspace)) {
            members.put((UserName) key.get(1), role);
          }
        });
        return members;
      });
    }

    @Override
    public int memberCount(WorkspaceId workspace) {
      return store.locked(() -> (int) store.members.keySet().stream().filter(k -> k.get(0).equals(workspace)).count());
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
    /** Follow leases: apart from the challenge and its version, as in the database. */
    private final Map<ChallengeId, Lease> leases = new java.util.concurrent.ConcurrentHashMap<>();

    private record Lease(String owner, Instant until) {}

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
            challenge.stepUp(), challenge.endCode(), challenge.version() + 1);
        store.write(() -> store.challenges.put(next.id(), next));
        return next;
      });
    }

    @Override
    public Optional<Challenge> find(ChallengeId id) {
      return store.locked(() -> Optional.ofNullable(store.challenges.get(id)));
    }

    @Override
    public List<Challenge> findAll(Collection<ChallengeId> ids) {
      return store.locked(() -> ids.stream().distinct().map(store.challenges::get).filter(Objects::nonNull).toList());
    }

    @Override
    public Optional<Challenge> findOpenDeviceRequest(WorkspaceId workspace, UserName user) {
      return store.locked(() -> openDeviceRequest(workspace, user));
    }

    @Override
    public boolean lease(ChallengeId id, String node, Instant now, Instant until) {
      return store.locked(() -> {
        Challenge challenge = store.challenges.get(id);
        if (challenge == null || !followable(challenge) || !free(id, node, now)) {
          return false;
        }
        leases.put(id, new Lease(node, until));
        return true;
      });
    }

    @Override
    public HeldLeases renewAndTakeLeases(String node, Instant now, Instant until, Instant unleasedBefore,
        int limit) {
      return store.locked(() -> {
        Set<ChallengeId> renewed = new HashSet<>();
        List<Challenge> took = new ArrayList<>();
        int taken = 0;
        for (Challenge challenge : store.challenges.values().stream()
            .sorted(Comparator.comparing(Challenge::expiresAt)).toList()) {
          if (!followable(challenge) || !free(challenge.id(), node, now)) {
            continue;
          }
          Lease lease = leases.get(challenge.id());
          boolean mine = lease != null && lease.owner().equals(node);
          boolean startersTurn = lease == null && !challenge.createdAt().isBefore(unleasedBefore);
          if (!mine && (taken >= limit || startersTurn)) {
            continue;
          }
          taken += mine ? 0 : 1;
          leases.put(challenge.id(), new Lease(node, until));
          if (mine) {
            renewed.add(challenge.id());
          } else {
            took.add(challenge);
          }
        }
        return new HeldLeases(renewed, took);
      });
    }

    @Override
    public void releaseLease(ChallengeId id, String node) {
      leases.computeIfPresent(id, (key, lease) -> lease.owner().equals(node) ? null : lease);
    }

    @Override
    public void releaseLeases(String node) {
      leases.values().removeIf(lease -> lease.owner().equals(node));
    }

    private boolean free(ChallengeId id, String node, Instant now) {
      Lease lease = leases.get(id);
      return lease == null || lease.owner().equals(node) || lease.until().isBefore(now);
    }

    private static boolean followable(Challenge challenge) {
      return challenge.state() == ChallengeState.PENDING && challenge.duoTransaction().isPresent();
    }

    @Override
    public Optional<Challenge> findLatestApprovedStepUp(WorkspaceId workspace, StepUpTarget target) {
      return store.locked(() -> store.challenges.values().stream()
          .filter(c -> c.workspace().equals(workspace) && c.stepUp().equals(Optional.of(target))
              && c.state() == ChallengeState.APPROVED)
          .max(Comparator.comparing(Challenge::createdAt)));
    }

    @Override
    public long countOpen(Instant now) {
      return store.locked(() -> store.challenges.values().stream()
          .filter(c -> !c.state().isFinal() && c.expiresAt().isAfter(now))
          .count());
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
          .filter(s -> s.grantKind() == GrantKind.DUO_APPROVED && !s.isRevoked())
          .max(Comparator.comparing(WorkspaceSession::createdAt)));
    }

    @Override
    public Optional<WorkspaceSession> findLatestDuoApprovedOf(UserName user) {
      return store.locked(() -> store.sessions.values().stream()
          .filter(s -> s.user().equals(user))
          .filter(s -> s.grantKind() == GrantKind.DUO_APPROVED && !s.isRevoked())
          .max(Comparator.comparing(WorkspaceSession::createdAt)));
    }

    @Override
    public Optional<WorkspaceSession> find(SessionId id) {
      return store.locked(() -> store.sessions.values().stream().filter(s -> s.id().equals(id)).findFirst());
    }

    @Override
    public List<WorkspaceSession> listLive(WorkspaceId workspace, Instant now) {
      return store.locked(() -> store.sessions.values().stream()
          .filter(s -> s.workspace().equals(workspace) && s.isLiveAt(now))
          .sorted(Comparator.comparing(WorkspaceSession::createdAt).reversed()).toList());
    }

    @Override
    public boolean revoke(SessionId id, Instant at) {
      return store.locked(() -> {
        Optional<WorkspaceSession> live = find(id).filter(s -> s.isLiveAt(at));
        live.ifPresent(s -> store.write(() -> store.sessions.put(s.tokenHash(), revoked(s, at))));
        return live.isPresent();
      });
    }

    @Override
    public int revokeAll(WorkspaceId workspace, Optional<UserName> user, Instant at) {
      return revokeWhere(s -> s.workspace().equals(workspace) && (user.isEmpty() || s.user().equals(user.get())), at);
    }

    @Override
    public int revokeAllOf(UserName user, Instant at) {
      return revokeWhere(s -> s.user().equals(user), at);
    }

    private int revokeWhere(Predicate<WorkspaceSession> which, Instant at) {
      return store.locked(() -> {
        List<WorkspaceSession> live = store.sessions.values().stream()
            .filter(s -> which.test(s) && s.isLiveAt(at)).toList();
        if (!live.isEmpty()) {
          store.write(() -> live.forEach(s -> store.sessions.put(s.tokenHash(), revoked(s, at))));
        }
        return live.size();
      });
    }

    private static WorkspaceSession revoked(WorkspaceSession s, Instant at) {
      return new WorkspaceSession(s.id(), s.tokenHash(), s.workspace(), s.user(), s.grantKind(), s.createdAt(),
          s.expiresAt(), Optional.of(at));
    }
  }

  /** Entries by id, unique by name per workspace; secrets kept apart, in plain text (it is a fake). */
  public static final class Entries implements EntryRepository {
    private final InMemoryStore store;

    public Entries(InMemoryStore store) {
      this.store = store;
    }

    @Override
    public void add(Entry entry, Optional<EntrySecret> secret) {
      store.write(() -> {
        requireWorkspace(store, entry.workspace());
        if (store.entries.containsKey(entry.id()) || nameTaken(entry)) {
          throw new DuplicateEntryException("an entry named " + entry.name() + " exists in this workspace");
        }
        store.entries.put(entry.id(), entry);
        secret.ifPresent(s -> store.entrySecrets.put(entry.id(), s));
      });
    }

    @Override
    public Entry update(Entry entry, SecretChange secret) {
      return store.locked(() -> {
        Entry current = store.entries.get(entry.id());
        if (current == null || current.version() != entry.version()) {
          throw new ConcurrentUpdateException("entry " + entry.name() + " changed meanwhile");
        }
        if (nameTaken(entry)) {
          throw new DuplicateEntryException("an entry named " + entry.name() + " exists in this workspace");
        }
        Entry next = entry.nextVersion();
        store.write(() -> {
          store.entries.put(next.id(), next);
          if (secret instanceof SecretChange.Replace replace) {
            store.entrySecrets.put(next.id(), replace.secret());
          } else if (secret instanceof SecretChange.Clear) {
            store.entrySecrets.remove(next.id());
          }
        });
        return next;
      });
    }

    @Override
    public boolean remove(WorkspaceId workspace, EntryId entry) {
      return store.locked(() -> {
        boolean exists = Optional.ofNullable(store.entries.get(entry)).filter(e -> e.workspace().equals(workspace)).isPresent();
        if (exists) {
          store.write(() -> {
            store.entries.remove(entry);
            store.entrySecrets.remove(entry);
          });
        }
        return exists;
      });
    }

    @Override
    public Optional<Entry> find(WorkspaceId workspace, EntryName name) {
      return store.locked(() -> store.entries.values().stream()
          .filter(e -> e.workspace().equals(workspace) && e.name().equals(name)).findFirst());
    }

    @Override
    public List<Entry> list(WorkspaceId workspace) {
      return store.locked(() -> store.entries.values().stream().filter(e -> e.workspace().equals(workspace))
          .sorted(Comparator.comparing(Entry::name)).toList());
    }

    @Override
    public Optional<EntrySecret> secretOf(WorkspaceId workspace, EntryId entry) {
      return store.locked(() -> Optional.ofNullable(store.entries.get(entry))
          .filter(e -> e.workspace().equals(workspace))
          .flatMap(e -> Optional.ofNullable(store.entrySecrets.get(entry))));
    }

    private boolean nameTaken(Entry entry) {
      return store.entries.values().stream().anyMatch(e -> e.workspace().equals(entry.workspace())
          && e.name().equals(entry.name()) && !e.id().equals(entry.id()));
    }
  }

  /** A master key "rotation" for the fake: secrets are not sealed here, so it only counts key generations. */
  public static final class MasterKeys implements MasterKeyRotation {
    private final InMemoryStore store;

    public MasterKeys(InMemoryStore store) {
      this.store = store;
    }

    @Override
    public Rotated rotate() {
      return store.locked(() -> {
        int previous = store.masterKeyGeneration;
        store.write(() -> store.masterKeyGeneration = previous + 1);
        return new Rotated("fake-key-" + previous, "fake-key-" + (previous + 1), store.policies.size());
      });
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
