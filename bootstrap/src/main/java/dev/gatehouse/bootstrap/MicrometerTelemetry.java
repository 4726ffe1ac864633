package dev.gatehouse.bootstrap;

import dev.gatehouse.adapter.duo.DuoRequestListener;
import dev.gatehouse.adapter.rest.RestMetrics;
import dev.gatehouse.application.port.in.challenge.DenialCode;
import dev.gatehouse.application.port.out.Telemetry;
import dev.gatehouse.domain.challenge.ChallengePurpose;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.session.GrantKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What the core, the Duo adapter and the REST adapter report, recorded as Micrometer meters named
 * {@code gatehouse.*} ({@code gatehouse_*} in Prometheus). Every label value comes from an enum or
 * a fixed set the adapters guarantee, never from a user, a workspace, an entry or a token.
 */
final class MicrometerTelemetry implements Telemetry, DuoRequestListener, RestMetrics {
  private static final Duration LONGEST_CHALLENGE = Duration.ofMinutes(10);

  private final MeterRegistry registry;
  private final Counter pending;
  private final Counter failsafe;
  private final Counter reveals;
  private final Counter backoffs;
  private final Supplier<String> scrape;

  MicrometerTelemetry(MeterRegistry registry, Supplier<String> scrape) {
    this.registry = registry;
    this.scrape = scrape;
    this.pending = Counter.builder("gatehouse.unlocks.pending")
        .description("Unlocks that started a challenge for the member to answer").register(registry);
    this.failsafe = Counter.builder("gatehouse.failsafe.grants")
        .description("Sessions granted because Duo was unavailable under failmode safe").register(registry);
    this.reveals = Counter.builder("gatehouse.credential.reveals")
        .description("Entry secrets shown to members").register(registry);
    this.backoffs = Counter.builder("gatehouse.duo.backoffs")
        .description("Waits after Duo answered 429 Too Many Requests").register(registry);
  }

  // ---- the core ---------------------------------------------------------------------------------

  @Override
  public void unlockGranted(GrantKind kind) {
    Counter.builder("gatehouse.unlocks.granted").description("Workspaces opened, by why they were allowed")
        .tag("kind", label(kind)).register(registry).increment();
    if (kind == GrantKind.FAILSAFE) {
      failsafe.increment();
    }
  }

  @Override
  public void unlockDenied(DenialCode code) {
    Counter.builder("gatehouse.unlocks.denied").description("Unlocks refused at once, by denial code")
        .tag("reason", label(code)).register(registry).increment();
  }

  @Override
  public void unlockPending() {
    pending.increment();
  }

  @Override
  public void challengeSettled(ChallengePurpose purpose, ChallengeState state, Duration duration) {
    Timer.builder("gatehouse.challenge.duration").description("From a challenge's start to its final state")
        .tag("purpose", label(purpose)).tag("state", label(state))
        .publishPercentileHistogram().maximumExpectedValue(LONGEST_CHALLENGE)
        .register(registry).record(duration);
  }

  @Override
  public void credentialRevealed() {
    reveals.increment();
  }

  // ---- the Duo adapter --------------------------------------------------------------------------

  @Override
  public void answered(String endpoint, String result, Duration latency) {
    Timer.builder("gatehouse.duo.requests").description("HTTP requests to Duo's Auth API, by endpoint and result")
        .tag("endpoint", endpoint).tag("result", result)
        .publishPercentileHistogram().maximumExpectedValue(Duration.ofMinutes(1))
        .register(registry).record(latency);
  }

  @Override
  public void backedOff() {
    backoffs.increment();
  }

  // ---- the REST adapter -------------------------------------------------------------------------

  @Override
  public void answered(String method, String route, int status, Duration duration) {
    Timer.builder("gatehouse.http.requests").description("Answered HTTP requests, by route template and status")
        .tag("method", method).tag("route", route).tag("status", Integer.toString(status))
        .register(registry).record(duration);
  }

  @Override
  public String scrape() {
    return scrape.get();
  }

  private static String label(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
