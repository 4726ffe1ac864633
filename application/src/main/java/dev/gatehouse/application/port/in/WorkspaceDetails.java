package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.MemberRole;
import dev.gatehouse.domain.workspace.Workspace;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A workspace with its members and their roles (sorted by name) and its Duo summary (empty when it
 * has no second factor).
 */
public record WorkspaceDetails(Workspace workspace, SortedMap<UserName, MemberRole> members,
    Optional<DuoSummary> duo) {
  public WorkspaceDetails {
    members = Collections.unmodifiableSortedMap(new TreeMap<>(members));
  }

  /** The user's role; empty when they are not a member. */
  public Optional<MemberRole> roleOf(UserName user) {
    return Optional.ofNullable(members.get(user));
  }
}
