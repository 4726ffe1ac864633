package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.challenge.DuoTransactionId;
import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.Optional;

/**
 * What the member sees on their phone: the action, the workspace, who and from where; and, for a
 * Verified Duo Push, the transaction preauth opened (the push continues it and shows a code).
 */
public record PushContext(String action, WorkspaceName workspace, UserName displayUsername,
    ClientContext client, Optional<DuoTransactionId> verifiedPush) {
  public PushContext {
    Require.notBlank("action", action);
    Require.notNull("workspace", workspace);
    Require.notNull("displayUsername", displayUsername);
    Require.notNull("client", client);
    Require.notNull("verifiedPush", verifiedPush);
  }

  public PushContext(String action, WorkspaceName workspace, UserName displayUsername, ClientContext client) {
    this(action, workspace, displayUsername, client, Optional.empty());
  }
}
