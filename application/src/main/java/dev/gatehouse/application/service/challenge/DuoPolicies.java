package dev.gatehouse.application.service.challenge;

import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.in.SecondFactorProblem;
import dev.gatehouse.application.port.in.SecondFactorProblemException;
import dev.gatehouse.application.port.out.MfaPolicyRepository;
import dev.gatehouse.domain.mfa.MfaPolicy;
import dev.gatehouse.domain.workspace.Workspace;

/** Reads a workspace's Duo policy where a use case cannot go on without one. */
final class DuoPolicies {
  private DuoPolicies() {}

  static MfaPolicy.Duo require(MfaPolicyRepository policies, Workspace workspace) {
    MfaPolicy policy = Transactions.read(() -> policies.find(workspace.id()));
    if (policy instanceof MfaPolicy.Duo duo) {
      return duo;
    }
    throw new SecondFactorProblemException(SecondFactorProblem.NOT_CONFIGURED,
        "workspace " + workspace.name() + " does not use Duo");
  }
}
