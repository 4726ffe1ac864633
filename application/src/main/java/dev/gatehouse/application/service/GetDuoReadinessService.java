package dev.gatehouse.application.service;

import dev.gatehouse.application.service.common.Access;
import dev.gatehouse.application.service.common.DuoFailures;
import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.in.SecondFactorProblem;
import dev.gatehouse.application.port.in.SecondFactorProblemException;
import dev.gatehouse.application.port.in.readiness.DuoReadinessQuery;
import dev.gatehouse.application.port.in.readiness.DuoReadinessReport;
import dev.gatehouse.application.port.in.readiness.GetDuoReadinessUseCase;
import dev.gatehouse.application.port.in.readiness.MemberReadiness;
import dev.gatehouse.application.port.in.readiness.PreauthAnswer;
import dev.gatehouse.application.port.in.readiness.ReadinessReason;
import dev.gatehouse.application.port.in.readiness.Verdict;
import dev.gatehouse.application.port.out.AccessGuardRepository;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.DeviceChoiceRepository;
import dev.gatehouse.application.port.out.MfaPolicyRepository;
import dev.gatehouse.application.port.out.PreauthOutcome;
import dev.gatehouse.application.port.out.SecondFactorGateway;
import dev.gatehouse.application.port.out.SecondFactorRejectedException;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.AccessGuard;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.mfa.DeviceChoice;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoDevice;
import dev.gatehouse.domain.mfa.DuoSettings;
import dev.gatehouse.domain.mfa.MfaPolicy;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The Duo readiness report (administrators): one preauth per member — which sends nothing to
 * anyone — at most {@value #CONCURRENCY} at a time, set against the member's device choice,
 * suspension and lockout in Gatehouse. The settings are checked once first, so wrong credentials
 * cost one Duo request, not one per member.
 */
public final class GetDuoReadinessService implements GetDuoReadinessUseCase {
  static final int CONCURRENCY = 8;

  private final UserRepository users;
  private final WorkspaceRepository workspaces;
  private final MfaPolicyRepository policies;
  private final DeviceChoiceRepository choices;
  private final AccessGuardRepository guards;
  private final SecondFactorGateway secondFactor;
  private final AuditLog audit;
  private final Access access;
  private final Transactions transactions;
  private final Clock clock;

  public GetDuoReadinessService(UserRepository users, WorkspaceRepository workspaces,
      MfaPolicyRepository policies, DeviceChoiceRepository choices, AccessGuardRepository guards,
      SecondFactorGateway secondFactor, AuditLog audit, UnitOfWork unitOfWork, Clock clock) {
    this.users = users;
    this.workspaces = workspaces;
    this.policies = policies;
    this.choices = choices;
    this.guards = guards;
    this.secondFactor = secondFactor;
    this.audit = audit;
    this.access = new Access(users, workspaces);
    this.transactions = new Transactions(unitOfWork);
    this.clock = clock;
  }

  @Override
  public DuoReadinessReport report(DuoReadinessQuery query) {
    User actor = access.administrator(query.actor());
    Workspace workspace = access.workspace(query.workspace());
    DuoSettings settings = query.settings().orElseGet(() -> saved(workspace));
    checkSettings(settings);
    Instant now = clock.instant();
    List<MemberReadiness> members = readinessOfAll(workspace, settings, now);
    DuoReadinessReport report = new DuoReadinessReport(workspace.name(), query.settings().isPresent(), now, members);
    transactions.write(() -> audit.append(AuditEvent.of(AuditEventType.DUO_READINESS_CHECKED, now)
        .actor(actor.name()).workspace(workspace.name())
        .outcome(query.settings().isPresent() ? "unsaved settings" : "saved settings")
        .detail(summary(report)).build()));
    return report;
  }

  private DuoSettings saved(Workspace workspace) {
    MfaPolicy policy = Transactions.read(() -> policies.find(workspace.id()));
    if (policy instanceof MfaPolicy.Duo duo) {
      return duo.settings();
    }
    throw new SecondFactorProblemException(SecondFactorProblem.NOT_CONFIGURED, "workspace " + workspace.name()
        + " does not use Duo yet: give the settings to check (API hostname, integration key, secret key)");
  }

  private void checkSettings(DuoSettings settings) {
    try {
      secondFactor.check(settings);
    } catch (SecondFactorUnavailableException e) {
      throw new SecondFactorProblemException(SecondFactorProblem.UNAVAILABLE, DuoFailures.report(e).value());
    } catch (SecondFactorRejectedException e) {
      throw new SecondFactorProblemException(DuoFailures.problem(e), DuoFailures.report(e).value());
    }
  }

  private List<MemberReadiness> readinessOfAll(Workspace workspace, DuoSettings settings, Instant now) {
    List<UserName> names = List.copyOf(Transactions.read(() -> workspaces.members(workspace.id())).keySet());
    if (names.isEmpty()) {
      return List.of();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(CONCURRENCY, names.size()), r -> {
      Thread thread = new Thread(r, "gatehouse-duo-readiness");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<MemberReadiness>> futures = new ArrayList<>();
      for (UserName name : names) {
        futures.add(pool.submit(() -> readinessOf(workspace, name, settings, now)));
      }
      List<MemberReadiness> members = new ArrayList<>();
      for (Future<MemberReadiness> future : futures) {
        members.add(future.get());
      }
      return members;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SecondFactorProblemException(SecondFactorProblem.UNAVAILABLE, "the readiness report was interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private MemberReadiness readinessOf(Workspace workspace, UserName name, DuoSettings settings, Instant now) {
    User user = access.existingUser(name);
    Optional<DeviceSelection> active = Transactions.read(() -> choices.find(workspace.id(), name))
        .flatMap(DeviceChoice::active);
    Optional<AccessGuard> guard = Transactions.read(() -> guards.find(workspace.id(), name));
    boolean suspended = guard.filter(AccessGuard::isSuspended).isPresent();
    boolean lockedOut = guard.filter(g -> g.isLockedOut(now)).isPresent();
    PreauthOutcome outcome;
    try {
      outcome = secondFactor.preauth(settings, user.duoUsername(), ClientContext.UNKNOWN);
    } catch (SecondFactorUnavailableException e) {
      return notChecked(user, active, suspended, lockedOut, SecondFactorProblem.UNAVAILABLE, e);
    } catch (SecondFactorRejectedException e) {
      return notChecked(user, active, suspended, lockedOut, DuoFailures.problem(e), e);
    }
    String message = outcome.message().value();
    if (outcome instanceof PreauthOutcome.Authenticate authenticate) {
      List<DuoDevice> devices = authenticate.devices();
      boolean listed = active.filter(a -> devices.stream().anyMatch(d -> d.id().equals(a.device())
          && d.supports(a.method()))).isPresent();
      Verdict verdict = suspended || lockedOut || !listed ? Verdict.CANNOT_GET_IN : Verdict.ASKED;
      ReadinessReason reason = restriction(suspended, lockedOut).orElse(active.isEmpty()
          ? ReadinessReason.NO_DEVICE_CHOSEN
          : listed ? ReadinessReason.DUO_WILL_ASK : ReadinessReason.DEVICE_NO_LONGER_LISTED);
      return new MemberReadiness(user.name(), user.duoUsername(), PreauthAnswer.AUTH, devices, Optional.empty(),
          message, active, listed, suspended, lockedOut, verdict, reason, Optional.empty(), "");
    }
    if (outcome instanceof PreauthOutcome.Allow) {
      Verdict verdict = suspended || lockedOut ? Verdict.CANNOT_GET_IN : Verdict.NO_SECOND_FACTOR;
      return new MemberReadiness(user.name(), user.duoUsername(), PreauthAnswer.ALLOW, List.of(), Optional.empty(),
          message, active, false, suspended, lockedOut, verdict,
          restriction(suspended, lockedOut).orElse(ReadinessReason.BYPASS), Optional.empty(), "");
    }
    if (outcome instanceof PreauthOutcome.Enroll enroll) {
      return new MemberReadiness(user.name(), user.duoUsername(), PreauthAnswer.ENROLL, List.of(),
          Optional.of(enroll.enrollmentUrl()), message, active, false, suspended, lockedOut, Verdict.CANNOT_GET_IN,
          ReadinessReason.NOT_ENROLLED, Optional.empty(), "");
    }
    return new MemberReadiness(user.name(), user.duoUsername(), PreauthAnswer.DENY, List.of(), Optional.empty(),
        message, active, false, suspended, lockedOut, Verdict.CANNOT_GET_IN, ReadinessReason.DUO_DENIES,
        Optional.empty(), "");
  }

  private static MemberReadiness notChecked(User user, Optional<DeviceSelection> active, boolean suspended,
      boolean lockedOut, SecondFactorProblem problem, RuntimeException failure) {
    return new MemberReadiness(user.name(), user.duoUsername(), PreauthAnswer.ERROR, List.of(), Optional.empty(),
        "", active, false, suspended, lockedOut, Verdict.NOT_CHECKED, ReadinessReason.NOT_CHECKED,
        Optional.of(problem), DuoFailures.report(failure).value());
  }

  private static Optional<ReadinessReason> restriction(boolean suspended, boolean lockedOut) {
    if (suspended) {
      return Optional.of(ReadinessReason.SUSPENDED);
    }
    return lockedOut ? Optional.of(ReadinessReason.LOCKED_OUT) : Optional.empty();
  }

  private static String summary(DuoReadinessReport report) {
    return Arrays.stream(Verdict.values())
        .map(v -> v.wireName() + " " + report.with(v).size())
        .collect(Collectors.joining(", ")) + " of " + report.members().size() + " member(s)";
  }
}
