package dev.gatehouse.application.service;

import dev.gatehouse.application.service.common.DuoFailures;
import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.in.DuoCheckResult;
import dev.gatehouse.application.port.in.SecondFactorProblem;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.SecondFactorGateway;
import dev.gatehouse.application.port.out.SecondFactorRejectedException;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.mfa.DuoSettings;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/** Asks Duo whether settings work and audits the answer; used by Check and by Configure. */
final class DuoSettingsCheck {
  private final SecondFactorGateway gateway;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Clock clock;

  DuoSettingsCheck(SecondFactorGateway gateway, AuditLog audit, Transactions transactions, Clock clock) {
    this.gateway = gateway;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  DuoCheckResult check(User actor, DuoSettings settings, Optional<WorkspaceName> workspace) {
    DuoCheckResult result = ask(settings);
    String outcome = result instanceof DuoCheckResult.Failed failed
        ? failed.problem().name().toLowerCase(Locale.ROOT) : "passed";
    String detail = "api hostname " + settings.apiHostname() + ", integration key " + settings.integrationKey()
        + (result instanceof DuoCheckResult.Failed failed ? ": " + failed.report() : "");
    AuditEvent.Builder event = AuditEvent.of(AuditEventType.DUO_CHECKED, clock.instant())
        .actor(actor.name()).outcome(outcome).detail(detail);
    workspace.ifPresent(event::workspace);
    transactions.write(() -> audit.append(event.build()));
    return result;
  }

  private DuoCheckResult ask(DuoSettings settings) {
    try {
      gateway.check(settings);
      return new DuoCheckResult.Passed();
    } catch (SecondFactorUnavailableException e) {
      return new DuoCheckResult.Failed(SecondFactorProblem.UNAVAILABLE, DuoFailures.report(e).value());
    } catch (SecondFactorRejectedException e) {
      return new DuoCheckResult.Failed(DuoFailures.problem(e), DuoFailures.report(e).value());
    }
  }
}
