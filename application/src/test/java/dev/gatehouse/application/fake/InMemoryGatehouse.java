package dev.gatehouse.application.fake;

import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.port.out.GatehousePorts;
import dev.gatehouse.application.service.SecureRandomTokenSource;

/** Gatehouse on in-memory fakes: the store, a hand-moved clock and a scriptable second factor. */
public final class InMemoryGatehouse {
  public final InMemoryStore store = new InMemoryStore();
  public final MutableClock clock = MutableClock.startingAt("2026-11-29T09:00:00Z");
  public final FakeSecondFactorGateway duo = new FakeSecondFactorGateway();
  public final RecordingTelemetry telemetry = new RecordingTelemetry();
  public final GatehousePorts ports;
  public final Gatehouse gatehouse;

  public InMemoryGatehouse() {
    this.ports = ports(store, duo, clock).withTelemetry(telemetry);
    this.gatehouse = Gatehouse.assemble(ports);
  }

  /** Ports on one in-memory store. */
  public static GatehousePorts ports(InMemoryStore store, FakeSecondFactorGateway duo, MutableClock clock) {
    return new GatehousePorts(
        new InMemoryRepositories.Users(store),
        new InMemoryRepositories.ApiTokens(store),
        new InMemoryRepositories.Workspaces(store),
        new InMemoryRepositories.Policies(store),
        new InMemoryRepositories.DeviceChoices(store),
        new InMemoryRepositories.Challenges(store),
        new InMemoryRepositories.Sessions(store),
        new InMemoryRepositories.Guards(store),
        new InMemoryRepositories.Entries(store),
        new InMemoryRepositories.Audit(store),
        new InMemoryUnitOfWork(store),
        duo,
        new InMemoryRepositories.MasterKeys(store),
        new SecureRandomTokenSource(),
        clock);
  }
}
