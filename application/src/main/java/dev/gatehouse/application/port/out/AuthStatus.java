package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.common.Require;

/** The state of one Duo authentication: still waiting, allowed, or denied with a reason. */
public sealed interface AuthStatus {
  StatusMessage message();

  /** Duo is still waiting on the user (e.g. "Pushed a login request to your device..."). */
  record Waiting(StatusMessage message) implements AuthStatus {
    public Waiting {
      Require.notNull("message", message);
    }
  }

  record Allowed(StatusMessage message) implements AuthStatus {
    public Allowed {
      Require.notNull("message", message);
    }
  }

  /** Duo said no: denied, fraud reported, timed out, or the user is locked out. */
  record Denied(DenialReason reason, StatusMessage message) implements AuthStatus {
    public Denied {
      Require.notNull("reason", reason);
      Require.notNull("message", message);
    }
  }
}
