package dev.gatehouse.application.service.entry;

import dev.gatehouse.application.service.common.DuoFailures;
import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.service.challenge.ChallengeLifecycle;
import dev.gatehouse.application.service.challenge.StartOutcome;
import dev.gatehouse.application.service.session.SessionGate;
import dev.gatehouse.application.port.in.challenge.Denial;
import dev.gatehouse.application.port.in.challenge.DenialCode;
import dev.gatehouse.application.port.in.NotFoundException;
import dev.gatehouse.application.port.in.SecondFactorProblem;
import dev.gatehouse.application.port.in.SecondFactorProblemException;
import dev.gatehouse.application.port.in.entry.RevealEntryCommand;
import dev.gatehouse.application.port.in.entry.RevealEntryResult;
import dev.gatehouse.application.port.in.entry.RevealEntryUseCase;
import dev.gatehouse.application.port.in.entry.RevealedEntry;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.ChallengeRepository;
import dev.gatehouse.application.port.out.DeviceChoiceRepository;
import dev.gatehouse.application.port.out.EntryRepository;
import dev.gatehouse.application.port.out.MfaPolicyRepository;
import dev.gatehouse.application.port.out.Telemetry;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.Challenge;
import dev.gatehouse.domain.challenge.ChallengePurpose;
import dev.gatehouse.domain.challenge.StepUpTarget;
import dev.gatehouse.domain.entry.Entry;
import dev.gatehouse.domain.entry.EntrySecret;
import dev.gatehouse.domain.entry.StepUp;
import dev.gatehouse.domain.mfa.DeviceChoice;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.MfaPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Reveals entry secrets inside open workspaces (members). The audit event is appended in the unit
 * of work that opens the secret: no reveal without its {@code CREDENTIAL_REVEALED}. An entry with
 * a step-up reveals only with an approved step-up challenge for that entry on that session, started
 * no longer ago than the step-up age (counting from the start keeps the window on the safe side);
 * without one a step-up challenge is started on the member's active device, under every push-abuse
 * rule. A step-up is never skipped: a Duo outage denies whatever the failmode, and a Duo bypass
 * user is denied too, since a bypass proves nothing about this reveal.
 */
public final class RevealEntryService implements RevealEntryUseCase {
  private final SessionGate gate;
  private final EntryRepository entries;
  private final ChallengeRepository challenges;
  private final MfaPolicyRepository policies;
  private final DeviceChoiceRepository choices;
  private final AuditLog audit;
  private final Transactions transactions;
  private final ChallengeLifecycle lifecycle;
  private final Telemetry telemetry;
  private final Clock clock;

  public RevealEntryService(SessionGate gate, EntryRepository entries, ChallengeRepository challenges,
      MfaPolicyRepository policies, DeviceChoiceRepository choices, AuditLog audit, UnitOfWork unitOfWork,
      ChallengeLifecycle lifecycle, Telemetry telemetry, Clock clock) {
    this.gate = gate;
    this.entries = entries;
    this.challenges = challenges;
    this.policies = policies;
    this.choices = choices;
    this.audit = audit;
    this.transactions = new Transactions(unitOfWork);
    this.lifecycle = lifecycle;
    this.telemetry = telemetry;
    this.clock = clock;
  }

  @Override
  public RevealEntryResult reveal(RevealEntryCommand command) {
    SessionGate.Opened opened = gate.require(command.session());
    Entry entry = EntryLookup.find(entries, opened, command.entry());
    Optional<StepUp> stepUp = entry.details().stepUp();
    if (stepUp.isEmpty()) {
      return new RevealEntryResult.Revealed(open(opened, entry, command, ""));
    }
    StepUpTarget target = new StepUpTarget(entry.id(), opened.session().id());
    Instant now = clock.instant();
    Optional<Challenge> fresh = Transactions.read(
            () -> challenges.findLatestApprovedStepUp(opened.workspace().id(), target))
        .filter(approved -> approved.isOwnedBy(opened.user().name()))
        .filter(approved -> !now.isAfter(approved.createdAt().plus(stepUp.get().maxAge())));
    if (fresh.isPresent()) {
      return new RevealEntryResult.Revealed(open(opened, entry, command,
          ", step-up " + fresh.get().settledBy().wireName() + " approved at most " + stepUp.get() + " ago"));
    }
    return stepUp(opened, entry, target, command);
  }

  private RevealEntryResult stepUp(SessionGate.Opened opened, Entry entry, StepUpTarget target,
      RevealEntryCommand command) {
    MfaPolicy policy = Transactions.read(() -> policies.find(opened.workspace().id()));
    if (!(policy instanceof MfaPolicy.Duo duo)) {
      throw new SecondFactorProblemException(SecondFactorProblem.NOT_CONFIGURED, "entry " + entry.name()
          + " needs a Duo step-up, but workspace " + opened.workspace().name() + " does not use Duo");
    }
    Optional<DeviceSelection> active = Transactions.read(
        () -> choices.find(opened.workspace().id(), opened.user().name()))
        .flatMap(DeviceChoice::active);
    if (active.isEmpty()) {
      return denied(opened, Denial.of(DenialCode.NO_ACTIVE_DEVICE));
    }
    StartOutcome outcome = lifecycle.startStepUp(opened.user(), opened.workspace(), duo, active.get(), target,
        command.client());
    if (outcome instanceof StartOutcome.Started started) {
      return new RevealEntryResult.StepUpRequired(started.challenge());
    }
    if (outcome instanceof StartOutcome.Refused refused) {
      return new RevealEntryResult.Denied(refused.denial());
    }
    if (outcome instanceof StartOutcome.Bypassed) {
      return denied(opened, Denial.of(DenialCode.DUO_BYPASS_USER));
    }
    StartOutcome.Unavailable unavailable = (StartOutcome.Unavailable) outcome;
    // A step-up is never skipped, whatever the failmode.
    return denied(opened, DuoFailures.denial(unavailable.failure()));
  }

  private RevealEntryResult denied(SessionGate.Opened opened, Denial denial) {
    lifecycle.auditDenial(opened.user(), opened.workspace(), ChallengePurpose.STEP_UP, denial);
    return new RevealEntryResult.Denied(denial);
  }

  private RevealedEntry open(SessionGate.Opened opened, Entry entry, RevealEntryCommand command, String stepUp) {
    Instant now = clock.instant();
    EntrySecret secret = transactions.write(() -> {
      gate.recheck(opened);
      EntrySecret found = entries.secretOf(opened.workspace().id(), entry.id())
          .orElseThrow(() -> new NotFoundException("entry " + entry.name() + " has no secret to reveal"));
      audit.append(EntryAudit.event(AuditEventType.CREDENTIAL_REVEALED, opened, entry, now)
          .outcome(found.kind().wireName())
          .detail("entry " + entry.name() + " (" + entry.id() + "), session " + opened.session().id()
              + ", client " + command.client().ipAddress().orElse("unknown") + stepUp)
          .build());
      return found;
    });
    telemetry.credentialRevealed();
    return new RevealedEntry(entry.name(), entry.details().username(), secret);
  }
}
