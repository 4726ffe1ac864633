package dev.gatehouse.application.service;

import dev.gatehouse.application.port.out.GatehousePorts;

/** The collaborators the challenge use cases share, assembled once from the ports. */
final class ChallengeEngine {
  final GatehousePorts ports;
  final Transactions transactions;
  final Access access;
  final SessionIssuer sessions;
  final ChallengeOutcomes outcomes;
  final ChallengeFollower follower;
  final ChallengeStarter starter;

  ChallengeEngine(GatehousePorts ports) {
    this.ports = ports;
    this.transactions = new Transactions(ports.unitOfWork());
    this.access = new Access(ports.users(), ports.workspaces());
    this.sessions = new SessionIssuer(ports.sessions(), ports.tokens(), ports.audit(), ports.clock());
    this.outcomes = new ChallengeOutcomes(ports.challenges(), ports.users(), ports.workspaces(), ports.policies(),
        ports.deviceChoices(), ports.guards(), sessions,
        new SessionRevocation(ports.sessions(), ports.audit(), ports.clock()), ports.audit(), transactions,
        ports.clock(), ports.telemetry());
    this.follower = new ChallengeFollower(outcomes, ports.policies(), ports.secondFactor(), ports.clock());
    this.starter = new ChallengeStarter(ports.challenges(), ports.guards(), ports.secondFactor(),
        ports.tokens(), outcomes, follower, ports.audit(), transactions, ports.clock());
  }
}
