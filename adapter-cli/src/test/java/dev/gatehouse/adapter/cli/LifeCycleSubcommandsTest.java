package dev.gatehouse.adapter.cli;

import static dev.gatehouse.adapter.cli.CliHarness.MEMBER;
import static dev.gatehouse.adapter.cli.CliHarness.OTHER_MEMBER;
import static dev.gatehouse.adapter.cli.CliHarness.OUTSIDER;
import static dev.gatehouse.adapter.cli.CliHarness.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.adapter.cli.CliHarness.Result;
import dev.gatehouse.application.port.in.AuthenticateApiTokenQuery;
import dev.gatehouse.domain.user.SecretToken;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The life cycle of tokens, users and members: {@code token issue|list|revoke}, {@code user
 * list|disable|enable}, {@code workspace add-member --role}, {@code session list|revoke} and
 * {@code admin rotate-master-key}.
 */
class LifeCycleSubcommandsTest {
  private final CliHarness cli = CliHarness.withWorkspace();

  private boolean authenticates(String token) {
    return cli.env.gatehouse.authenticateApiToken().authenticate(new AuthenticateApiTokenQuery(new SecretToken(token)))
        .isPresent();
  }

  @Test
  void aTokenIsIssuedWithAnExpiryAndScopesAndItsIdGoesToStandardError() {
    Result text = cli.run("token", "issue", MEMBER, "--expires-in", "8h");
    JsonNode json = cli.run("token", "issue", MEMBER, "--expires-in", "30d", "--scope", "introspect", "--json").json();

    assertThat(text.exit()).isZero();
    assertThat(text.outLines()).singleElement().asString().matches("[A-Za-z0-9_-]{22,128}");
    assertThat(text.errLines()).singleElement().asString()
        .matches("gatehouse: issued token [A-Za-z0-9_-]{8,64} for bob, expires 2026-11-29T17:00:00Z; "
            + "the token is shown only this once")
        .doesNotContain(text.out().strip());
    assertThat(json.get("expiresAt").asText()).isEqualTo("2026-12-29T09:00:00Z");
    assertThat(json.get("scopes")).extracting(JsonNode::asText).containsExactly("introspect");
    assertThat(json.get("createdAt").asText()).isEqualTo("2026-11-29T09:00:00Z");
    assertThat(authenticates(json.get("token").asText())).isTrue();
  }

  @Test
  void aMalformedLifetimeOrScopeIsInvalidInput() {
    Result unit = cli.run("token", "issue", MEMBER, "--expires-in", "30 days");
    Result tooShort = cli.run("token", "issue", MEMBER, "--expires-in", "0m");
    Result tooLong = cli.run("token", "issue", MEMBER, "--expires-in", "367d");
    Result scope = cli.run("token", "issue", MEMBER, "--scope", "admin");

    assertThat(List.of(unit, tooShort, tooLong, scope)).allSatisfy(r -> {
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.out()).isEmpty();
    });
    assertThat(unit.errLines()).containsExactly(
        "gatehouse: --expires-in must be a number of minutes, hours or days, such as 90m, 8h or 30d");
    assertThat(tooLong.errLines()).containsExactly("gatehouse: --expires-in must be between 1m and 366d");
    assertThat(scope.errLines()).containsExactly("gatehouse: --scope must be introspect");
  }

  @Test
  void onlyAdministratorsGiveScopes() {
    Result result = cli.runAs(MEMBER, "token", "issue", MEMBER, "--scope", "introspect");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
  }

  @Test
  void tokenListShowsIdsAndTimesButNeverTheTokens() {
    JsonNode bobs = cli.run("token", "issue", MEMBER, "--json").json();
    JsonNode carols = cli.run("token", "issue", OTHER_MEMBER, "--expires-in", "90m", "--json").json();

    Result all = cli.run("token", "list", "--json");
    Result onlyBob = cli.run("token", "list", MEMBER, "--json");
    Result asBob = cli.runAs(MEMBER, "token", "list");

    assertThat(all.json()).extracting(t -> t.get("id").asText())
        .containsExactlyInAnyOrder(bobs.get("id").asText(), carols.get("id").asText());
    assertThat(onlyBob.json()).singleElement().satisfies(t -> {
      assertThat(t.get("user").asText()).isEqualTo(MEMBER);
      assertThat(t.get("lastUsedAt").isNull()).isTrue();
      assertThat(t.has("token")).isFalse();
    });
    assertThat(asBob.outLines()).first().asString().matches("ID +USER +SCOPES +CREATED +EXPIRES +LAST USED +REVOKED");
    assertThat(asBob.outLines()).hasSize(2);
    assertThat(all.out() + asBob.out()).doesNotContain(bobs.get("token").asText(), carols.get("token").asText());
  }

  @Test
  void aRevokedTokenNoLongerAuthenticates() {
    JsonNode issued = cli.run("token", "issue", MEMBER, "--json").json();

    Result revoked = cli.runAs(MEMBER, "token", "revoke", issued.get("id").asText());
    Result listed = cli.run("token", "list", MEMBER, "--json");

    assertThat(revoked.exit()).isZero();
    assertThat(revoked.out().strip()).isEqualTo("Revoked token " + issued.get("id").asText() + " of bob.");
    assertThat(authenticates(issued.get("token").asText())).isFalse();
    assertThat(listed.json().get(0).get("revokedAt").asText()).isEqualTo("2026-11-29T09:00:00Z");
  }

  @Test
  void anotherMembersTokenLooksUnknownAndIsLeftAlone() {
    JsonNode carols = cli.run("token", "issue", OTHER_MEMBER, "--json").json();

    Result foreign = cli.runAs(MEMBER, "token", "revoke", carols.get("id").asText());
    Result unknown = cli.run("token", "revoke", "no-such-token-id");
    Result malformed = cli.run("token", "revoke", "x");

    assertThat(foreign.exit()).isEqualTo(2);
    assertThat(foreign.errLines()).containsExactly("gatehouse: no API token " + carols.get("id").asText());
    assertThat(authenticates(carols.get("token").asText())).isTrue();
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.errLines()).containsExactly("gatehouse: no API token no-such-token-id");
    assertThat(malformed.exit()).isEqualTo(2);
    assertThat(malformed.errLines()).containsExactly("gatehouse: ID must be 8 to 64 URL-safe characters");
  }

  @Test
  void userListShowsEveryUserToAdministratorsOnly() {
    Result text = cli.run("user", "list");
    Result json = cli.run("user", "list", "--json");
    Result byMember = cli.runAs(MEMBER, "user", "list");

    assertThat(text.outLines()).first().asString().matches("NAME +ROLE +DUO USERNAME +STATUS +CREATED");
    assertThat(text.outLines()).anyMatch(line -> line.matches("bob +member +bob +enabled +2026-11-29T09:00:00Z"));
    assertThat(json.json()).extracting(u -> u.get("name").asText()).containsExactly("alice", "bob", "carol", "mallory");
    assertThat(byMember.exit()).isEqualTo(1);
  }

  @Test
  void disablingAUserRevokesTheirTokensAndSessionsAndEnablingKeepsThemRevoked() {
    String token = cli.run("token", "issue", MEMBER, "--json").json().get("token").asText();
    cli.runAs(MEMBER, "open", WORKSPACE);

    Result disabled = cli.run("user", "disable", MEMBER);
    Result refused = cli.runAs(MEMBER, "entry", "list", WORKSPACE);
    Result enabled = cli.run("user", "enable", MEMBER, "--json");
    Result reopened = cli.runAs(MEMBER, "entry", "list", WORKSPACE);

    assertThat(disabled.out().strip()).isEqualTo("Disabled user bob; their API tokens and workspace sessions are revoked.");
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.errLines()).last().asString().isEqualTo("gatehouse: access denied: user bob is disabled");
    assertThat(enabled.json().get("disabled").asBoolean()).isFalse();
    assertThat(authenticates(token)).isFalse();
    assertThat(reopened.exit()).as(reopened.err()).isZero();
    assertThat(reopened.errLines()).first().asString().isEqualTo(
        "The cached session of workspace servers has ended; opening it first...");
  }

  @Test
  void onlyAdministratorsDisableUsers() {
    assertThat(cli.runAs(MEMBER, "user", "disable", OTHER_MEMBER).exit()).isEqualTo(1);
    assertThat(cli.run("user", "disable", "nobody").exit()).isEqualTo(2);
  }

  @Test
  void addMemberGivesARoleAndChangesAnExistingOne() {
    Result added = cli.run("workspace", "add-member", WORKSPACE, OUTSIDER, "--role", "editor");
    Result changed = cli.run("workspace", "add-member", WORKSPACE, MEMBER, "--role", "editor", "--json");
    Result kept = cli.run("workspace", "add-member", WORKSPACE, MEMBER);
    Result shown = cli.run("workspace", "show", WORKSPACE);

    assertThat(added.out().strip())
        .isEqualTo("Added mallory to workspace servers as editor (members: bob, carol, mallory).");
    assertThat(changed.json().get("roles").get(MEMBER).asText()).isEqualTo("editor");
    assertThat(changed.json().get("roles").get(OTHER_MEMBER).asText()).isEqualTo("reader");
    assertThat(kept.out()).as("without --role a member keeps their role").contains("bob to workspace servers as editor");
    assertThat(shown.outLines()).anyMatch(line -> line.matches("Editors +bob, mallory"));
  }

  @Test
  void anUnknownRoleIsInvalidInput() {
    Result result = cli.run("workspace", "add-member", WORKSPACE, OUTSIDER, "--role", "owner");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.errLines()).containsExactly("gatehouse: --role must be reader or editor");
  }

  @Test
  void sessionsAreListedAndRevokedByAdministratorsOnly() {
    cli.runAs(MEMBER, "open", WORKSPACE);

    Result text = cli.run("session", "list", WORKSPACE);
    Result byMember = cli.runAs(MEMBER, "session", "list", WORKSPACE);
    String id = cli.run("session", "list", WORKSPACE, "--json").json().get(0).get("id").asText();
    Result revokeByMember = cli.runAs(MEMBER, "session", "revoke", WORKSPACE, id);
    Result revoked = cli.run("session", "revoke", WORKSPACE, id, "--json");
    Result unknown = cli.run("session", "revoke", WORKSPACE, "no-such-session");

    assertThat(text.outLines()).hasSize(2);
    assertThat(text.outLines().get(1)).contains(id, "bob", "no_mfa", "2026-11-29T17:00:00Z");
    assertThat(byMember.exit()).isEqualTo(1);
    assertThat(revokeByMember.exit()).isEqualTo(1);
    assertThat(revoked.json().get("revoked").asBoolean()).isTrue();
    assertThat(cli.run("session", "list", WORKSPACE).out().strip()).isEqualTo("No live sessions in workspace servers.");
    assertThat(unknown.exit()).isEqualTo(2);
  }

  @Test
  void anAdministratorRotatesTheMasterKey() {
    Result text = cli.run("admin", "rotate-master-key");
    JsonNode json = cli.run("admin", "rotate-master-key", "--json").json();
    Result byMember = cli.runAs(MEMBER, "admin", "rotate-master-key");

    assertThat(text.exit()).isZero();
    assertThat(text.out().strip()).matches("Rotated the master key from \\S+ to \\S+; \\d+ data keys? re-wrapped\\.");
    assertThat(json.get("previousKeyId").asText()).isNotEqualTo(json.get("currentKeyId").asText());
    assertThat(json.get("rewrapped").isInt()).isTrue();
    assertThat(byMember.exit()).isEqualTo(1);
    assertThat(byMember.errLines()).containsExactly("gatehouse: access denied: bob is not an administrator");
  }

  @Test
  void theNewGroupsNeedASubcommandAndShowInHelp() {
    Result help = cli.run("--help");

    assertThat(help.out()).contains("entry", "close", "session", "admin", "XDG_STATE_HOME");
    for (String group : List.of("entry", "session", "admin", "token", "user")) {
      Result result = cli.run(group);
      assertThat(result.exit()).as(group).isEqualTo(2);
      assertThat(result.errLines()).as(group).singleElement().asString().contains("missing command: gatehouse " + group);
    }
  }
}
