package dev.gatehouse.domain.challenge;

/**
 * Why a challenge was started: to open a workspace, to verify a newly chosen device, or to step
 * up before revealing a sensitive entry's secret inside an open session.
 */
public enum ChallengePurpose {
  UNLOCK,
  VERIFY_DEVICE,
  STEP_UP
}
