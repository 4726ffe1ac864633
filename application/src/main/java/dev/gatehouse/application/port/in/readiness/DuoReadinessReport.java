package dev.gatehouse.application.port.in.readiness;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.time.Instant;
import java.util.List;

/**
 * The readiness of a workspace's members for Duo, members sorted by name, with the summary an
 * administrator reads first: who will be asked, who cannot get in, who gets in without a second
 * factor, and who could not be checked.
 */
public record DuoReadinessReport(WorkspaceName workspace, boolean unsavedSettings, Instant checkedAt,
    List<MemberReadiness> members) {
  public DuoReadinessReport {
    Require.notNull("workspace", workspace);
    Require.notNull("checkedAt", checkedAt);
    members = List.copyOf(Require.notNull("members", members));
  }

  /** The members with the given verdict, by name. */
  public List<UserName> with(Verdict verdict) {
    return members.stream().filter(m -> m.verdict() == verdict).map(MemberReadiness::member).toList();
  }
}
