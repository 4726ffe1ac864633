package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.fake.FakeSecondFactorGateway;
import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.fake.InMemoryStore;
import dev.gatehouse.application.fake.MutableClock;
import dev.gatehouse.application.port.in.AddMemberCommand;
import dev.gatehouse.application.port.in.AddUserCommand;
import dev.gatehouse.application.port.in.CreateWorkspaceCommand;
import dev.gatehouse.application.port.in.challenge.OpenWorkspaceCommand;
import dev.gatehouse.application.port.in.challenge.UnlockResult;
import dev.gatehouse.application.port.out.Telemetry;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceDescription;
import dev.gatehouse.domain.workspace.WorkspaceName;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The cost of metrics on unlock throughput: the same core on in-memory ports, unlocking a workspace
 * without second factor for a fixed time, alternately without telemetry and with Micrometer's
 * Prometheus registry, in one JVM. The in-memory store makes an unlock far cheaper than with
 * PostgreSQL, so the relative overhead shown is an upper bound. Run only when asked:
 * {@code ./mvnw -o -B -q -pl bootstrap -am verify -Dgatehouse.bench=true -Dit.test=MetricsOverheadBenchmarkIT
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "gatehouse.bench", matches = "true")
class MetricsOverheadBenchmarkIT {
  private static final int ROUNDS = 5;
  private static final long ROUND_MILLIS = 3_000;
  private static final UserName ADMIN = new UserName("admin");
  private static final UserName MEMBER = new UserName("member");
  private static final WorkspaceName WORKSPACE = new WorkspaceName("servers");

  @Test
  void measuresUnlocksPerSecondWithAndWithoutMetrics() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Gatehouse without = gatehouse(Telemetry.NONE);
    Gatehouse with = gatehouse(new MicrometerTelemetry(registry, registry::scrape));
    run(without, 1_000);
    run(with, 1_000);

    double[] plain = new double[ROUNDS];
    double[] metered = new double[ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      plain[round] = run(without, ROUND_MILLIS);
      metered[round] = run(with, ROUND_MILLIS);
    }

    double plainMedian = median(plain);
    double meteredMedian = median(metered);
    System.out.printf(Locale.ROOT, "unlocks/s without metrics: median %.0f %s%n", plainMedian,
        java.util.Arrays.toString(plain));
    System.out.printf(Locale.ROOT, "unlocks/s with metrics:    median %.0f %s%n", meteredMedian,
        java.util.Arrays.toString(metered));
    System.out.printf(Locale.ROOT, "overhead: %.1f %%%n", 100.0 * (plainMedian - meteredMedian) / plainMedian);
    assertThat(registry.scrape()).contains("gatehouse_unlocks_granted_total{kind=\"no_mfa\"}");
  }

  /** Unlocks per second on one thread for the time given. */
  private static double run(Gatehouse gatehouse, long millis) {
    OpenWorkspaceCommand command = new OpenWorkspaceCommand(MEMBER, WORKSPACE, ClientContext.of("192.0.2.10", "bench"));
    long count = 0;
    long started = System.nanoTime();
    long end = started + TimeUnit.MILLISECONDS.toNanos(millis);
    while (System.nanoTime() < end) {
      if (!(gatehouse.openWorkspace().open(command) instanceof UnlockResult.Granted)) {
        throw new IllegalStateException("not granted");
      }
      count++;
    }
    return count / ((System.nanoTime() - started) / 1e9);
  }

  private static Gatehouse gatehouse(Telemetry telemetry) {
    InMemoryStore store = new InMemoryStore();
    Gatehouse gatehouse = Gatehouse.assemble(InMemoryGatehouse.ports(store, new FakeSecondFactorGateway(),
        MutableClock.startingAt("2026-11-29T09:00:00Z")).withTelemetry(telemetry));
    gatehouse.addUser().add(new AddUserCommand(ADMIN, ADMIN, Role.ADMINISTRATOR, Optional.empty()));
    gatehouse.addUser().add(new AddUserCommand(ADMIN, MEMBER, Role.MEMBER, Optional.empty()));
    gatehouse.createWorkspace().create(new CreateWorkspaceCommand(ADMIN, WORKSPACE,
        new WorkspaceDescription("benchmark")));
    gatehouse.addMember().add(new AddMemberCommand(ADMIN, WORKSPACE, MEMBER));
    return gatehouse;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
