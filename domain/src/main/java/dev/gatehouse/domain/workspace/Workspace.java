package dev.gatehouse.domain.workspace;

import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.UserName;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** A shared collection of remote connections and credentials, and who may open it. */
public final class Workspace {
  /** More members than any team sharing one workspace plausibly has; bounds every listing. */
  public static final int MAX_MEMBERS = 1000;

  private final WorkspaceId id;
  private final WorkspaceName name;
  private final WorkspaceDescription description;
  private final Map<UserName, MemberRole> members;
  private final Instant createdAt;

  private Workspace(WorkspaceId id, WorkspaceName name, WorkspaceDescription description,
      Map<UserName, MemberRole> members, Instant createdAt) {
    this.id = Require.notNull("workspaceId", id);
    this.name = Require.notNull("workspaceName", name);
    this.description = Require.notNull("description", description);
    Require.notNull("members", members);
    if (members.size() > MAX_MEMBERS) {
      throw new InvalidValueException("members", "must be at most " + MAX_MEMBERS);
    }
    this.members = Collections.unmodifiableMap(new TreeMap<>(members));
    this.createdAt = Require.notNull("createdAt", createdAt);
  }

  public static Workspace create(WorkspaceId id, WorkspaceName name,
      WorkspaceDescription description, Instant now) {
    return new Workspace(id, name, description, Map.of(), now);
  }

  public static Workspace restore(WorkspaceId id, WorkspaceName name,
      WorkspaceDescription description, Map<UserName, MemberRole> members, Instant createdAt) {
    return new Workspace(id, name, description, members, createdAt);
  }

  /** The workspace with the user as a reader (or with their role unchanged, if already a member). */
  public Workspace withMember(UserName user) {
    return withMember(user, members.getOrDefault(Require.notNull("user", user), MemberRole.READER));
  }

  /** The workspace with the user as a member in the given role. */
  public Workspace withMember(UserName user, MemberRole role) {
    Map<UserName, MemberRole> next = new TreeMap<>(members);
    next.put(Require.notNull("user", user), Require.notNull("role", role));
    return new Workspace(id, name, description, next, createdAt);
  }

  public Workspace withoutMember(UserName user) {
    Map<UserName, MemberRole> next = new TreeMap<>(members);
    next.remove(Require.notNull("user", user));
    return new Workspace(id, name, description, next, createdAt);
  }

  public boolean isMember(UserName user) {
    return members.containsKey(user);
  }

  /** The member's role; empty when the user is not a member. */
  public Optional<MemberRole> roleOf(UserName user) {
    return Optional.ofNullable(members.get(user));
  }

  public WorkspaceId id() {
    return id;
  }

  public WorkspaceName name() {
    return name;
  }

  public WorkspaceDescription description() {
    return description;
  }

  /** Members sorted by name. */
  public Set<UserName> members() {
    return members.keySet();
  }

  /** Members with their roles, sorted by name. */
  public Map<UserName, MemberRole> roles() {
    return members;
  }

  public Instant createdAt() {
    return createdAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Workspace other && id.equals(other.id) && name.equals(other.name)
        && description.equals(other.description) && members.equals(other.members)
        && createdAt.equals(other.createdAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name);
  }

  @Override
  public String toString() {
    return "Workspace[" + name + ", " + members.size() + " members]";
  }
}
