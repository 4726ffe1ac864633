package dev.gatehouse.application.port.in.readiness;

/**
 * Reports every member's Duo readiness without sending anything to anyone (preauth only), with
 * bounded concurrency; audited as one event. Throws
 * {@link dev.gatehouse.application.port.in.SecondFactorProblemException} when the workspace has no
 * Duo settings and none are given, or when Duo refuses the settings themselves.
 */
public interface GetDuoReadinessUseCase {
  DuoReadinessReport report(DuoReadinessQuery query);
}
