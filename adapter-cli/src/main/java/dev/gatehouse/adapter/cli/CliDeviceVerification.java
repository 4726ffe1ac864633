package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.challenge.Denial;

/**
 * {@code duo use-device --json}: {@code outcome} is {@code activated} (the choice is now in use),
 * {@code denied} or {@code cancelled}.
 */
record CliDeviceVerification(String outcome, String workspace, CliSelection selection,
    CliChallenge challenge, CliDenial denial) {

  static CliDeviceVerification ended(String outcome, String workspace, CliSelection selection,
      ChallengeView challenge) {
    return new CliDeviceVerification(outcome, workspace, selection, CliChallenge.from(challenge), null);
  }

  static CliDeviceVerification denied(String workspace, CliSelection selection, Denial denial) {
    return new CliDeviceVerification("denied", workspace, selection, null, CliDenial.from(denial));
  }
}
