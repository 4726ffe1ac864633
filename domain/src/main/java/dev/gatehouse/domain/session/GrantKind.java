package dev.gatehouse.domain.session;

/** Why a workspace session was granted. */
public enum GrantKind {
  /** The workspace has no second factor. */
  NO_MFA,
  /** Duo approved a challenge. */
  DUO_APPROVED,
  /** Duo's preauth answered {@code allow} (bypass user, trusted network, remembered device). */
  DUO_BYPASS,
  /** Duo was unavailable and the workspace's failmode is {@code safe}. */
  FAILSAFE,
  /** A Duo approval within the workspace's remember window. */
  REMEMBERED
}
