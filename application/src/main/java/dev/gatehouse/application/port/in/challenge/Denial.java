package dev.gatehouse.application.port.in.challenge;

import dev.gatehouse.application.port.in.SecondFactorProblem;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.mfa.DeviceId;
import dev.gatehouse.domain.mfa.DuoDevice;
import dev.gatehouse.domain.mfa.DuoMethod;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A refusal, as its code and the facts behind it, for each face to word: Duo's own message (or,
 * when Duo could not be used, the problem class and the gateway's report), the enrollment URL, when
 * a restriction ends, and the method, device and devices to choose from of a device refusal.
 */
public record Denial(DenialCode code, StatusMessage detail, Optional<SecondFactorProblem> problem,
    Optional<String> enrollmentUrl, Optional<Instant> retryAfter, Optional<DuoMethod> method,
    Optional<DeviceId> device, List<DuoDevice> choices) {
  public Denial {
    Require.notNull("code", code);
    Require.notNull("detail", detail);
    Require.notNull("problem", problem);
    Require.notNull("enrollmentUrl", enrollmentUrl);
    Require.notNull("retryAfter", retryAfter);
    Require.notNull("method", method);
    Require.notNull("device", device);
    choices = List.copyOf(Require.notNull("choices", choices));
  }

  /** A refusal its code says all about. */
  public static Denial of(DenialCode code) {
    return byDuo(code, StatusMessage.NONE);
  }

  /** Duo's refusal, with Duo's own message. */
  public static Denial byDuo(DenialCode code, StatusMessage message) {
    return new Denial(code, message, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), List.of());
  }

  /** Not enrolled in Duo: Duo's message and its enrollment portal. */
  public static Denial enrollment(StatusMessage message, String enrollmentUrl) {
    return new Denial(DenialCode.ENROLLMENT_REQUIRED, message, Optional.empty(),
        Optional.of(Require.notNull("enrollmentUrl", enrollmentUrl)), Optional.empty(), Optional.empty(),
        Optional.empty(), List.of());
  }

  /** A restriction (cooldown, lockout, suspension), and when it ends if it ends by itself. */
  public static Denial restricted(DenialCode code, Optional<Instant> until) {
    return new Denial(code, StatusMessage.NONE, Optional.empty(), Optional.empty(), until, Optional.empty(),
        Optional.empty(), List.of());
  }

  /** Duo could not be used: the problem class and the gateway's report (never a secret). */
  public static Denial duoProblem(DenialCode code, SecondFactorProblem problem, String report) {
    return new Denial(code, StatusMessage.of(report), Optional.of(problem), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), List.of());
  }

  /** The device or method asked for cannot be used: which, and the devices that can do the method. */
  public static Denial device(DenialCode code, DuoMethod method, Optional<DeviceId> device,
      List<DuoDevice> choices) {
    return new Denial(code, StatusMessage.NONE, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of(method), device, choices);
  }
}
