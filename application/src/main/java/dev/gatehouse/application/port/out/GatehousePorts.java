package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.common.Require;
import java.time.Clock;

/**
 * Every driven port Gatehouse needs, its clock, its telemetry and how its processes tell each other
 * that a challenge changed: what a host application supplies to embed it.
 */
public record GatehousePorts(UserRepository users, ApiTokenRepository apiTokens,
    WorkspaceRepository workspaces, MfaPolicyRepository policies, DeviceChoiceRepository deviceChoices,
    ChallengeRepository challenges, WorkspaceSessionRepository sessions, AccessGuardRepository guards,
    EntryRepository entries, AuditLog audit, UnitOfWork unitOfWork, SecondFactorGateway secondFactor,
    MasterKeyRotation masterKeys, SecureTokenSource tokens, Clock clock, Telemetry telemetry,
    ChallengeSignals signals) {

  public GatehousePorts {
    Require.notNull("users", users);
    Require.notNull("apiTokens", apiTokens);
    Require.notNull("workspaces", workspaces);
    Require.notNull("policies", policies);
    Require.notNull("deviceChoices", deviceChoices);
    Require.notNull("challenges", challenges);
    Require.notNull("sessions", sessions);
    Require.notNull("guards", guards);
    Require.notNull("entries", entries);
    Require.notNull("audit", audit);
    Require.notNull("unitOfWork", unitOfWork);
    Require.notNull("secondFactor", secondFactor);
    Require.notNull("masterKeys", masterKeys);
    Require.notNull("tokens", tokens);
    Require.notNull("clock", clock);
    Require.notNull("telemetry", telemetry);
    Require.notNull("signals", signals);
  }

  /** The ports with challenge signals within this process only: what single-process hosts supply. */
  public GatehousePorts(UserRepository users, ApiTokenRepository apiTokens,
      WorkspaceRepository workspaces, MfaPolicyRepository policies, DeviceChoiceRepository deviceChoices,
      ChallengeRepository challenges, WorkspaceSessionRepository sessions, AccessGuardRepository guards,
      EntryRepository entries, AuditLog audit, UnitOfWork unitOfWork, SecondFactorGateway secondFactor,
      MasterKeyRotation masterKeys, SecureTokenSource tokens, Clock clock, Telemetry telemetry) {
    this(users, apiTokens, workspaces, policies, deviceChoices, challenges, sessions, guards, entries, audit,
        unitOfWork, secondFactor, masterKeys, tokens, clock, telemetry, ChallengeSignals.inProcess());
  }

  /** The ports without telemetry (it reports nothing): what hosts that collect no metrics supply. */
  public GatehousePorts(UserRepository users, ApiTokenRepository apiTokens,
      WorkspaceRepository workspaces, MfaPolicyRepository policies, DeviceChoiceRepository deviceChoices,
      ChallengeRepository challenges, WorkspaceSessionRepository sessions, AccessGuardRepository guards,
      EntryRepository entries, AuditLog audit, UnitOfWork unitOfWork, SecondFactorGateway secondFactor,
      MasterKeyRotation masterKeys, SecureTokenSource tokens, Clock clock) {
    this(users, apiTokens, workspaces, policies, deviceChoices, challenges, sessions, guards, entries, audit,
        unitOfWork, secondFactor, masterKeys, tokens, clock, Telemetry.NONE);
  }

  /** These ports, reporting to {@code value}. */
  public GatehousePorts withTelemetry(Telemetry value) {
    return new GatehousePorts(users, apiTokens, workspaces, policies, deviceChoices, challenges, sessions,
        guards, entries, audit, unitOfWork, secondFactor, masterKeys, tokens, clock, value, signals);
  }

  /** These ports, announcing challenge changes through {@code value}. */
  public GatehousePorts withSignals(ChallengeSignals value) {
    return new GatehousePorts(users, apiTokens, workspaces, policies, deviceChoices, challenges, sessions,
        guards, entries, audit, unitOfWork, secondFactor, masterKeys, tokens, clock, telemetry, value);
  }
}
