package dev.gatehouse.application.port.in.challenge;

/** The outcome of choosing a device: a verifying challenge was started, or the choice was refused. */
public sealed interface ChooseDuoDeviceResult {
  /** The choice is stored pending; it becomes active when this challenge is approved. */
  record Verifying(ChallengeView challenge) implements ChooseDuoDeviceResult {}

  record Denied(Denial denial) implements ChooseDuoDeviceResult {}
}
