package dev.gatehouse.domain.challenge;

import java.util.Locale;

/**
 * How Gatehouse itself ended a challenge, rather than Duo's answer: each face words it. A challenge
 * Duo settled (or one stored before these codes) has none, and its status message is Duo's own.
 */
public enum EndCode {
  /** The member started a newer request there, which replaced this SMS or passcode prompt. */
  SUPERSEDED(ChallengeState.DENIED),
  /** The member cancelled it. */
  CANCELLED(ChallengeState.DENIED),
  /** The member was removed from the workspace. */
  MEMBER_REMOVED(ChallengeState.DENIED),
  /** Nobody answered before it expired. */
  EXPIRED(ChallengeState.EXPIRED),
  /** Its start was interrupted before Duo's transaction was recorded, so no answer could reach it. */
  INTERRUPTED(ChallengeState.FAILED),
  /** Duo answered a passcode with something other than allow or deny (its message is kept). */
  PASSCODE_UNANSWERED(ChallengeState.FAILED),
  /** The workspace stopped using Duo while the challenge waited. */
  DUO_NOT_CONFIGURED(ChallengeState.FAILED),
  /** Duo could not be reached or answered unusably (the gateway's report is kept). */
  DUO_UNAVAILABLE(ChallengeState.FAILED),
  /** Duo kept rate limiting after the official back-off. */
  DUO_RATE_LIMITED(ChallengeState.FAILED),
  /** Duo refused the workspace's integration key, secret key, signature or clock. */
  DUO_CREDENTIALS_REJECTED(ChallengeState.FAILED),
  /** The integration is not a (Partner) Auth API application. */
  DUO_INTEGRATION_FORBIDDEN(ChallengeState.FAILED),
  /** Duo refused the request itself. */
  DUO_REQUEST_REJECTED(ChallengeState.FAILED),
  /** Gatehouse's own settings for reaching Duo are unusable; Duo was not asked. */
  DUO_LOCAL_CONFIGURATION(ChallengeState.FAILED);

  private final ChallengeState state;

  EndCode(ChallengeState state) {
    this.state = state;
  }

  /** The final state a challenge ended this way is in ({@code DENIED} ones are {@code CANCELLED}). */
  public ChallengeState state() {
    return state;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
