package dev.gatehouse.application.port.in;

/** The outcome of configuring Duo: saved after a passing check, or not saved and why. */
public sealed interface ConfigureDuoResult {
  record Configured(DuoSummary duo) implements ConfigureDuoResult {}

  record CheckFailed(DuoCheckResult.Failed failure) implements ConfigureDuoResult {}
}
