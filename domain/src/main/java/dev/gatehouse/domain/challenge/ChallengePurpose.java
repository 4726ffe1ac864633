package dev.gatehouse.domain.challenge;

/** Why a challenge was started: to open a workspace, or to verify a newly chosen device. */
public enum ChallengePurpose {
  UNLOCK,
  VERIFY_DEVICE
}
