package dev.gatehouse.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.GatehouseOptions;
import dev.gatehouse.application.port.out.AccessGuardRepository;
import dev.gatehouse.application.port.out.ApiTokenRepository;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.ChallengeRepository;
import dev.gatehouse.application.port.out.ChallengeSignals;
import dev.gatehouse.application.port.out.DeviceChoiceRepository;
import dev.gatehouse.application.port.out.EntryRepository;
import dev.gatehouse.application.port.out.GatehousePorts;
import dev.gatehouse.application.port.out.MasterKeyRotation;
import dev.gatehouse.application.port.out.MfaPolicyRepository;
import dev.gatehouse.application.port.out.SecondFactorGateway;
import dev.gatehouse.application.port.out.SecureTokenSource;
import dev.gatehouse.application.port.out.Telemetry;
import dev.gatehouse.application.port.out.UnitOfWork;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.application.port.out.WorkspaceSessionRepository;
import dev.gatehouse.application.service.SecureRandomTokenSource;
import java.time.Clock;

/** The core for Guice: the clock, the token source, and every use case on the bound ports and telemetry. */
final class CoreModule extends AbstractModule {
  private final GatehouseOptions options;

  /** @param options how this process follows Duo requests: a server takes over dead nodes' requests */
  CoreModule(GatehouseOptions options) {
    this.options = options;
  }

  @Provides
  @Singleton
  GatehouseOptions options() {
    return options;
  }

  @Provides
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Provides
  @Singleton
  SecureTokenSource tokens() {
    return new SecureRandomTokenSource();
  }

  @Provides
  @Singleton
  GatehousePorts ports(UserRepository users, ApiTokenRepository apiTokens, WorkspaceRepository workspaces,
      MfaPolicyRepository policies, DeviceChoiceRepository deviceChoices, ChallengeRepository challenges,
      WorkspaceSessionRepository sessions, AccessGuardRepository guards, EntryRepository entries, AuditLog audit,
      UnitOfWork unitOfWork, SecondFactorGateway secondFactor, MasterKeyRotation masterKeys,
      SecureTokenSource tokens, Clock clock, Telemetry telemetry, ChallengeSignals signals) {
    return new GatehousePorts(users, apiTokens, workspaces, policies, deviceChoices, challenges, sessions,
        guards, entries, audit, unitOfWork, secondFactor, masterKeys, tokens, clock, telemetry, signals);
  }

  @Provides
  @Singleton
  Gatehouse gatehouse(GatehousePorts ports, GatehouseOptions options) {
    return Gatehouse.assemble(ports, options);
  }
}
