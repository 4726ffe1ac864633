package dev.gatehouse.adapter.cli;

import static dev.gatehouse.adapter.cli.CliHarness.MEMBER;
import static dev.gatehouse.adapter.cli.CliHarness.SECRET_KEY;
import static dev.gatehouse.adapter.cli.CliHarness.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.adapter.cli.CliHarness.Result;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code audit [WORKSPACE] [--limit N]}. */
class AuditSubcommandTest {

  @Test
  void theTrailIsATableNewestFirst() {
    CliHarness cli = CliHarness.withActiveDevice("push");

    Result result = cli.run("audit", "--limit", "3");

    assertThat(result.exit()).isZero();
    List<String> lines = result.outLines();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).matches("TIME +EVENT +ACTOR +WORKSPACE +SUBJECT +METHOD +OUTCOME +DETAIL");
    assertThat(lines.get(1)).contains("device_activated", "bob", "servers", "push", "activated");
    int detailColumn = lines.get(0).indexOf("DETAIL");
    assertThat(lines.subList(1, 4)).allSatisfy(line -> assertThat(line.charAt(detailColumn - 1)).isEqualTo(' '));
  }

  @Test
  void jsonIsTheTrailForOneWorkspaceWithinTheLimit() {
    CliHarness cli = CliHarness.withActiveDevice("push");
    cli.run("workspace", "create", "staging");

    JsonNode all = cli.run("audit", "--json", "--limit", "1000").json();
    JsonNode servers = cli.run("audit", WORKSPACE, "--json").json();
    JsonNode two = cli.run("audit", "--json", "--limit", "2").json();

    assertThat(all.size()).isGreaterThan(servers.size());
    assertThat(servers).allSatisfy(event -> assertThat(event.get("workspace").asText()).isEqualTo(WORKSPACE));
    assertThat(two).hasSize(2);
    assertThat(two.get(0).get("type").asText()).isEqualTo("workspace_created");
    List<String> times = new ArrayList<>();
    all.forEach(event -> times.add(event.get("at").asText()));
    assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(all.toString()).doesNotContain(SECRET_KEY);
  }

  @Test
  void aLimitOutOfRangeIsInvalidInput() {
    Result result = CliHarness.withWorkspace().run("audit", "--limit", "0");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.errLines()).containsExactly("gatehouse: --limit must be between 1 and 1000");
  }

  @Test
  void onlyAdministratorsReadTheTrail() {
    Result result = CliHarness.withWorkspace().runAs(MEMBER, "audit");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.errLines()).containsExactly("gatehouse: access denied: bob is not an administrator");
  }

  @Test
  void anUnknownWorkspaceIsInvalidInput() {
    Result result = CliHarness.withWorkspace().run("audit", "nothing-here");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.errLines()).containsExactly("gatehouse: no workspace named nothing-here");
  }
}
