package dev.gatehouse.application.service.common;

import dev.gatehouse.application.port.in.challenge.Denial;
import dev.gatehouse.application.port.in.challenge.DenialCode;
import dev.gatehouse.application.port.in.SecondFactorProblem;
import dev.gatehouse.application.port.out.SecondFactorRejectedException;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException;
import dev.gatehouse.domain.challenge.EndCode;
import dev.gatehouse.domain.challenge.StatusMessage;
import java.util.Objects;

/** How the gateway's failure classes read to people and to the driving adapters. */
public final class DuoFailures {
  private DuoFailures() {}

  public static SecondFactorProblem problem(SecondFactorRejectedException e) {
    return switch (e.reason()) {
      case RATE_LIMITED -> SecondFactorProblem.RATE_LIMITED;
      case CREDENTIALS_REJECTED -> SecondFactorProblem.CREDENTIALS_REJECTED;
      case INTEGRATION_FORBIDDEN -> SecondFactorProblem.INTEGRATION_FORBIDDEN;
      case LOCAL_CONFIGURATION -> SecondFactorProblem.LOCAL_CONFIGURATION;
      case REQUEST_REJECTED -> SecondFactorProblem.REQUEST_REJECTED;
    };
  }

  public static DenialCode denialCode(SecondFactorRejectedException e) {
    return switch (e.reason()) {
      case RATE_LIMITED -> DenialCode.DUO_RATE_LIMITED;
      case CREDENTIALS_REJECTED, INTEGRATION_FORBIDDEN, LOCAL_CONFIGURATION -> DenialCode.DUO_MISCONFIGURED;
      case REQUEST_REJECTED -> DenialCode.DUO_REQUEST_REJECTED;
    };
  }

  /** How a challenge that Duo's refusal ended ends. */
  public static EndCode endCode(SecondFactorRejectedException e) {
    return switch (e.reason()) {
      case RATE_LIMITED -> EndCode.DUO_RATE_LIMITED;
      case CREDENTIALS_REJECTED -> EndCode.DUO_CREDENTIALS_REJECTED;
      case INTEGRATION_FORBIDDEN -> EndCode.DUO_INTEGRATION_FORBIDDEN;
      case LOCAL_CONFIGURATION -> EndCode.DUO_LOCAL_CONFIGURATION;
      case REQUEST_REJECTED -> EndCode.DUO_REQUEST_REJECTED;
    };
  }

  /** The refusal for a request Duo refused: its code, problem class and the gateway's report. */
  public static Denial denial(SecondFactorRejectedException e) {
    return Denial.duoProblem(denialCode(e), problem(e), report(e).value());
  }

  /** The refusal when Duo cannot be used and nothing fails open. */
  public static Denial denial(SecondFactorUnavailableException e) {
    return Denial.duoProblem(DenialCode.DUO_UNAVAILABLE, SecondFactorProblem.UNAVAILABLE, report(e).value());
  }

  /** The gateway's report of a failure (what happened, never a secret), as data for the faces to quote. */
  public static StatusMessage report(RuntimeException e) {
    return StatusMessage.of(Objects.toString(e.getMessage(), ""));
  }
}
