package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.challenge.DuoTransactionId;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.mfa.DuoDevice;
import java.util.List;
import java.util.Optional;

/** What Duo says about a user before authenticating: proceed with devices, allow, deny or enroll. */
public sealed interface PreauthOutcome {
  StatusMessage message();

  /**
   * The user may authenticate with one of these devices. When the user's policy requires Verified
   * Duo Push, {@code verifiedPush} is the transaction Duo opened for it: a push must continue it.
   */
  record Authenticate(List<DuoDevice> devices, StatusMessage message, Optional<DuoTransactionId> verifiedPush)
      implements PreauthOutcome {
    public Authenticate {
      devices = List.copyOf(Require.notNull("devices", devices));
      Require.notNull("message", message);
      Require.notNull("verifiedPush", verifiedPush);
    }

    public Authenticate(List<DuoDevice> devices, StatusMessage message) {
      this(devices, message, Optional.empty());
    }
  }

  /** Duo lets the user in without a second factor (bypass, trusted network, remembered device). */
  record Allow(StatusMessage message) implements PreauthOutcome {
    public Allow {
      Require.notNull("message", message);
    }
  }

  /** Duo refuses the user now (locked out, disabled, policy, or an answer Gatehouse does not know). */
  record Deny(StatusMessage message) implements PreauthOutcome {
    public Deny {
      Require.notNull("message", message);
    }
  }

  /** The user is not enrolled and may enroll at the given portal URL. */
  record Enroll(String enrollmentUrl, StatusMessage message) implements PreauthOutcome {
    public Enroll {
      Require.notNull("enrollmentUrl", enrollmentUrl);
      Require.notNull("message", message);
    }
  }
}
