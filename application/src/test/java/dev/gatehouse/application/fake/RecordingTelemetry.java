package dev.gatehouse.application.fake;

import dev.gatehouse.application.port.in.challenge.DenialCode;
import dev.gatehouse.application.port.out.Telemetry;
import dev.gatehouse.domain.challenge.ChallengePurpose;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.session.GrantKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Telemetry that keeps what it was told, as short strings ("granted NO_MFA", "settled UNLOCK APPROVED PT2S"). */
public final class RecordingTelemetry implements Telemetry {
  private final List<String> events = new CopyOnWriteArrayList<>();

  public List<String> events() {
    return List.copyOf(events);
  }

  @Override
  public void unlockGranted(GrantKind kind) {
    events.add("granted " + kind);
  }

  @Override
  public void unlockDenied(DenialCode code) {
    events.add("denied " + code);
  }

  @Override
  public void unlockPending() {
    events.add("pending");
  }

  @Override
  public void challengeSettled(ChallengePurpose purpose, ChallengeState state, Duration duration) {
    events.add("settled " + purpose + " " + state + " " + duration);
  }

  @Override
  public void credentialRevealed() {
    events.add("revealed");
  }
}
