package dev.gatehouse.application.fake;

import dev.gatehouse.application.port.out.StorageException;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.challenge.AccessGuard;
import dev.gatehouse.domain.challenge.Challenge;
import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.entry.Entry;
import dev.gatehouse.domain.entry.EntryId;
import dev.gatehouse.domain.entry.EntrySecret;
import dev.gatehouse.domain.mfa.DeviceChoice;
import dev.gatehouse.domain.mfa.MfaPolicy;
import dev.gatehouse.domain.session.WorkspaceSession;
import dev.gatehouse.domain.user.ApiToken;
import dev.gatehouse.domain.user.TokenHash;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.MemberRole;
import dev.gatehouse.domain.workspace.Workspace;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The state behind every in-memory fake: one lock, plain maps of immutable aggregates, and
 * snapshots so a unit of work can roll back. A test can make the n-th next write fail to prove
 * that a use case leaves no partial writes.
 */
public final class InMemoryStore {
  final Map<UserName, User> users = new LinkedHashMap<>();
  final Map<TokenHash, ApiToken> apiTokens = new LinkedHashMap<>();
  final Map<WorkspaceId, Workspace> workspaces = new LinkedHashMap<>();
  /** Membership: the role by (workspace id, user name). */
  final Map<List<Object>, MemberRole> members = new LinkedHashMap<>();
  final Map<WorkspaceId, MfaPolicy> policies = new LinkedHashMap<>();
  final Map<List<Object>, DeviceChoice> deviceChoices = new LinkedHashMap<>();
  final Map<ChallengeId, Challenge> challenges = new LinkedHashMap<>();
  final Map<TokenHash, WorkspaceSession> sessions = new LinkedHashMap<>();
  final Map<List<Object>, AccessGuard> guards = new LinkedHashMap<>();
  final Map<EntryId, Entry> entries = new LinkedHashMap<>();
  final Map<EntryId, EntrySecret> entrySecrets = new LinkedHashMap<>();
  final List<AuditEvent> audit = new ArrayList<>();
  /** The fake's master key id, counted up by each rotation. */
  int masterKeyGeneration = 1;

  private final ReentrantLock lock = new ReentrantLock();
  private int writesUntilFailure = -1;

  /** Makes the n-th write from now (1 = the next one) fail with a {@link StorageException}. */
  public void failOnWrite(int n) {
    locked(() -> {
      writesUntilFailure = n;
      return null;
    });
  }

  <T> T locked(Supplier<T> work) {
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  void write(Runnable work) {
    locked(() -> {
      if (writesUntilFailure > 0 && --writesUntilFailure == 0) {
        writesUntilFailure = -1;
        throw new StorageException("simulated storage failure");
      }
      work.run();
      return null;
    });
  }

  boolean holdsTransaction() {
    return lock.isHeldByCurrentThread() && lock.getHoldCount() > 0;
  }

  void lock() {
    lock.lock();
  }

  void unlock() {
    lock.unlock();
  }

  Snapshot snapshot() {
    return new Snapshot(new LinkedHashMap<>(users), new LinkedHashMap<>(apiTokens),
        new LinkedHashMap<>(workspaces), new LinkedHashMap<>(members), new LinkedHashMap<>(policies), new LinkedHashMap<>(deviceChoices),
        new LinkedHashMap<>(challenges), new LinkedHashMap<>(sessions), new LinkedHashMap<>(guards),
        new LinkedHashMap<>(entries), new LinkedHashMap<>(entrySecrets), new ArrayList<>(audit),
        masterKeyGeneration);
  }

  void restore(Snapshot s) {
    replace(users, s.users());
    replace(apiTokens, s.apiTokens());
    replace(workspaces, s.workspaces());
    replace(members, s.members());
    replace(policies, s.policies());
    replace(deviceChoices, s.deviceChoices());
    replace(challenges, s.challenges());
    replace(sessions, s.sessions());
    replace(guards, s.guards());
    replace(entries, s.entries());
    replace(entrySecrets, s.entrySecrets());
    masterKeyGeneration = s.masterKeyGeneration();
    audit.clear();
    audit.addAll(s.audit());
  }

  private static <K, V> void replace(Map<K, V> target, Map<K, V> source) {
    target.clear();
    target.putAll(source);
  }

  record Snapshot(Map<UserName, User> users, Map<TokenHash, ApiToken> apiTokens,
      Map<WorkspaceId, Workspace> workspaces, Map<List<Object>, MemberRole> members,
      Map<WorkspaceId, MfaPolicy> policies,
      Map<List<Object>, DeviceChoice> deviceChoices, Map<ChallengeId, Challenge> challenges,
      Map<TokenHash, WorkspaceSession> sessions, Map<List<Object>, AccessGuard> guards,
      Map<EntryId, Entry> entries, Map<EntryId, EntrySecret> entrySecrets, List<AuditEvent> audit,
      int masterKeyGeneration) {}
}
