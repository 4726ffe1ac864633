package dev.gatehouse.adapter.cli;

import static dev.gatehouse.adapter.cli.CliHarness.MEMBER;
import static dev.gatehouse.adapter.cli.CliHarness.OUTSIDER;
import static dev.gatehouse.adapter.cli.CliHarness.SECRET_KEY;
import static dev.gatehouse.adapter.cli.CliHarness.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.adapter.cli.CliHarness.Result;
import org.junit.jupiter.api.Test;

/** {@code workspace create|list|show|add-member|remove-member}. */
class WorkspaceSubcommandsTest {

  @Test
  void anAdministratorCreatesAWorkspace() {
    CliHarness cli = CliHarness.withWorkspace();

    Result result = cli.run("workspace", "create", "staging", "--description", "staging hosts");

    assertThat(result.exit()).isZero();
    assertThat(result.out().strip()).isEqualTo("Created workspace staging.");
    assertThat(cli.run("workspace", "show", "staging").out()).contains("staging hosts");
  }

  @Test
  void createJsonDescribesTheNewWorkspace() {
    JsonNode json = CliHarness.withWorkspace().run("workspace", "create", "staging", "--json").json();

    assertThat(json.get("name").asText()).isEqualTo("staging");
    assertThat(json.get("description").asText()).isEmpty();
    assertThat(json.get("members")).isEmpty();
    assertThat(json.get("mfa").asText()).isEqualTo("none");
    assertThat(json.get("id").asText()).isNotBlank();
  }

  @Test
  void aTakenNameIsInvalidInputAndAMemberMayNotCreate() {
    CliHarness cli = CliHarness.withWorkspace();

    Result taken = cli.run("workspace", "create", WORKSPACE);
    Result byMember = cli.runAs(MEMBER, "workspace", "create", "mine");

    assertThat(taken.exit()).isEqualTo(2);
    assertThat(taken.errLines()).hasSize(1);
    assertThat(byMember.exit()).isEqualTo(1);
    assertThat(byMember.errLines()).containsExactly("gatehouse: access denied: bob is not an administrator");
  }

  @Test
  void listIsAnAlignedTable() {
    CliHarness cli = CliHarness.withDuo();
    cli.run("workspace", "create", "a-much-longer-name", "--description", "second");

    Result result = cli.run("workspace", "list");

    assertThat(result.exit()).isZero();
    assertThat(result.outLines()).containsExactly(
        "NAME                MEMBERS  MFA                                                  DESCRIPTION",
        "a-much-longer-name  0        none                                                 second",
        "servers             2        duo (api-xxxxxxxx.duosecurity.com, failmode secure)  production servers");
  }

  @Test
  void listJsonIsAnArrayAndMembersSeeOnlyTheirOwn() {
    CliHarness cli = CliHarness.withDuo();
    cli.run("workspace", "create", "staging");

    JsonNode all = cli.run("workspace", "list", "--json").json();
    JsonNode bobs = cli.runAs(MEMBER, "workspace", "list", "--json").json();
    Result mallorys = cli.runAs(OUTSIDER, "workspace", "list");

    assertThat(all).hasSize(2);
    assertThat(bobs).hasSize(1);
    assertThat(bobs.get(0).get("name").asText()).isEqualTo(WORKSPACE);
    assertThat(bobs.get(0).get("duo").get("failmode").asText()).isEqualTo("secure");
    assertThat(mallorys.out().strip()).isEqualTo("No workspaces.");
  }

  @Test
  void showPrintsMembersAndDuoSettingsButNeverTheSecretKey() {
    CliHarness cli = CliHarness.withDuo();

    Result text = cli.runAs(MEMBER, "workspace", "show", WORKSPACE);
    Result json = cli.run("workspace", "show", WORKSPACE, "--json");

    assertThat(text.exit()).isZero();
    assertThat(text.outLines()).anyMatch(line -> line.matches("Members +bob, carol"))
        .anyMatch(line -> line.matches("MFA +duo"))
        .anyMatch(line -> line.matches("Integration key +DIWJ8X6AEYOR5OMC6TQ1"))
        .anyMatch(line -> line.matches("Session lifetime +8h"));
    assertThat(text.outLines().stream().map(line -> line.indexOf("bob, carol")).filter(i -> i > 0))
        .as("values are aligned").singleElement()
        .isEqualTo(text.outLines().stream().filter(l -> l.startsWith("Integration key")).findFirst()
            .orElseThrow().indexOf("DIWJ"));
    JsonNode duo = json.json().get("duo");
    assertThat(duo.get("apiHostname").asText()).isEqualTo("api-xxxxxxxx.duosecurity.com");
    assertThat(duo.get("sessionLifetimeSeconds").asLong()).isEqualTo(8 * 3600);
    assertThat(text.out() + json.out()).doesNotContain(SECRET_KEY).doesNotContainIgnoringCase("secret");
  }

  @Test
  void anUnknownWorkspaceIsInvalidInputAndAnOutsiderIsDenied() {
    CliHarness cli = CliHarness.withWorkspace();

    Result unknown = cli.run("workspace", "show", "nope");
    Result outsider = cli.runAs(OUTSIDER, "workspace", "show", WORKSPACE);

    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.errLines()).containsExactly("gatehouse: no workspace named nope");
    assertThat(outsider.exit()).isEqualTo(1);
    assertThat(outsider.errLines()).containsExactly("gatehouse: access denied: mallory is not a member of workspace servers");
  }

  @Test
  void membersAreAddedAndRemoved() {
    CliHarness cli = CliHarness.withWorkspace();

    Result added = cli.run("workspace", "add-member", WORKSPACE, OUTSIDER);
    Result removed = cli.run("workspace", "remove-member", WORKSPACE, MEMBER, "--json");

    assertThat(added.exit()).isZero();
    assertThat(added.out().strip()).isEqualTo("Added mallory to workspace servers as reader (members: bob, carol, mallory).");
    assertThat(removed.exit()).isZero();
    assertThat(removed.json().get("members")).extracting(JsonNode::asText).containsExactly("carol", "mallory");
  }

  @Test
  void membershipChangesNeedAnAdministratorAndKnownNames() {
    CliHarness cli = CliHarness.withWorkspace();

    assertThat(cli.runAs(MEMBER, "workspace", "add-member", WORKSPACE, OUTSIDER).exit()).isEqualTo(1);
    assertThat(cli.run("workspace", "add-member", WORKSPACE, "nobody").exit()).isEqualTo(2);
    assertThat(cli.run("workspace", "remove-member", "nope", MEMBER).exit()).isEqualTo(2);
    assertThat(cli.run("workspace", "add-member", WORKSPACE).exit()).isEqualTo(2);
  }

  @Test
  void aUserNamedInAnyCaseIsTheSameUser() {
    CliHarness cli = CliHarness.withWorkspace();

    JsonNode bobs = cli.runAs("BoB", "workspace", "list", "--json").json();
    Result added = cli.run("workspace", "add-member", WORKSPACE, "MALLORY", "--role", "editor");
    Result again = cli.run("user", "add", "Mallory");

    assertThat(bobs).hasSize(1);
    assertThat(added.out().strip()).isEqualTo("Added mallory to workspace servers as editor (members: bob, carol, mallory).");
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.errLines()).hasSize(1);
  }
}
