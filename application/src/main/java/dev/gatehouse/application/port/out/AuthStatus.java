package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.challenge.VerificationCode;
import dev.gatehouse.domain.common.Require;
import java.util.Optional;

/** The state of one Duo authentication: still waiting, allowed, or denied with a reason. */
public sealed interface AuthStatus {
  StatusMessage message();

  /**
   * Duo is still waiting on the user (e.g. "Pushed a login request to your device..."); for a
   * Verified Duo Push, with the code the user must type into Duo Mobile.
   */
  record Waiting(StatusMessage message, Optional<VerificationCode> verificationCode) implements AuthStatus {
    public Waiting {
      Require.notNull("message", message);
      Require.notNull("verificationCode", verificationCode);
    }

    public Waiting(StatusMessage message) {
      this(message, Optional.empty());
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
