package dev.gatehouse.domain.mfa;

import dev.gatehouse.domain.common.Require;

/** How a workspace is protected: not at all, or by Duo. */
public sealed interface MfaPolicy permits MfaPolicy.None, MfaPolicy.Duo {

  /** No second factor: members open the workspace directly. */
  record None() implements MfaPolicy {}

  /** Duo is asked at every open, with this failmode and these options. */
  record Duo(DuoSettings settings, Failmode failmode, MfaOptions options) implements MfaPolicy {
    public Duo {
      Require.notNull("settings", settings);
      Require.notNull("failmode", failmode);
      Require.notNull("options", options);
    }
  }

  MfaPolicy NONE = new None();
}
