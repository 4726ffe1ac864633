package dev.gatehouse.adapter.cli;

import static dev.gatehouse.adapter.cli.CliHarness.ADMIN;
import static dev.gatehouse.adapter.cli.CliHarness.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.adapter.cli.CliHarness.Result;
import dev.gatehouse.application.port.in.AuthenticateApiTokenQuery;
import dev.gatehouse.domain.user.SecretToken;
import dev.gatehouse.domain.user.UserName;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code user add} and {@code token issue}. */
class UserAndTokenSubcommandsTest {

  @Test
  void theFirstUserAddedBecomesAnAdministrator() {
    CliHarness cli = new CliHarness();

    Result result = cli.run("user", "add", ADMIN);

    assertThat(result.exit()).isZero();
    assertThat(result.out()).isEqualTo("Added user alice (administrator, Duo username alice)." + System.lineSeparator());
    assertThat(result.err()).isEmpty();
  }

  @Test
  void anAdministratorAddsMembersAndAdministratorsWithADuoUsername() {
    CliHarness cli = new CliHarness();
    cli.run("user", "add", ADMIN);

    Result member = cli.run("user", "add", "dave", "--duo-username", "dave@example.com", "--json");
    Result admin = cli.run("user", "add", "erin", "--admin");

    assertThat(member.exit()).isZero();
    JsonNode json = member.json();
    assertThat(json.get("name").asText()).isEqualTo("dave");
    assertThat(json.get("role").asText()).isEqualTo("member");
    assertThat(json.get("duoUsername").asText()).isEqualTo("dave@example.com");
    assertThat(json.get("createdAt").asText()).isEqualTo("2026-11-29T09:00:00Z");
    assertThat(admin.out()).contains("erin (administrator");
  }

  @Test
  void aMemberMayNotAddUsers() {
    CliHarness cli = CliHarness.withWorkspace();

    Result result = cli.runAs(MEMBER, "user", "add", "dave");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.errLines()).containsExactly("gatehouse: access denied: bob is not an administrator");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void anExistingOrMalformedNameIsInvalidInput() {
    CliHarness cli = CliHarness.withWorkspace();

    Result taken = cli.run("user", "add", MEMBER);
    Result malformed = cli.run("user", "add", "-bad name");
    Result badDuoName = cli.run("user", "add", "dave", "--duo-username", "line\nbreak");

    assertThat(taken.exit()).isEqualTo(2);
    assertThat(taken.errLines()).containsExactly("gatehouse: a user named bob already exists");
    assertThat(malformed.exit()).isEqualTo(2);
    assertThat(malformed.errLines()).hasSize(1);
    assertThat(badDuoName.exit()).isEqualTo(2);
    assertThat(badDuoName.errLines()).containsExactly("gatehouse: --duo-username must not contain control characters");
  }

  @Test
  void aTokenIsPrintedAloneSoThatScriptsCanCaptureIt() {
    CliHarness cli = CliHarness.withWorkspace();

    Result result = cli.run("token", "issue", MEMBER);

    assertThat(result.exit()).isZero();
    List<String> lines = result.outLines();
    assertThat(lines).singleElement().asString().matches("[A-Za-z0-9_-]{22,128}");
    assertThat(cli.env.gatehouse.authenticateApiToken()
        .authenticate(new AuthenticateApiTokenQuery(new SecretToken(lines.get(0)))))
        .map(caller -> caller.user().name()).contains(new UserName(MEMBER));
  }

  @Test
  void tokenIssueJsonHasTheIdTheTokenAndTheExpiry() {
    CliHarness cli = CliHarness.withDuo();
    cli.approval(MEMBER); // bob issues his own token

    JsonNode json = cli.runAs(MEMBER, "token", "issue", MEMBER, "--json").json();

    assertThat(json.isObject()).isTrue();
    assertThat(json.get("token").asText()).matches("[A-Za-z0-9_-]{22,128}");
    assertThat(json.get("id").asText()).matches("[A-Za-z0-9_-]{8,64}");
    assertThat(json.get("user").asText()).isEqualTo(MEMBER);
    assertThat(json.get("expiresAt").isNull()).isTrue();
    assertThat(json.get("scopes")).isEmpty();
  }

  @Test
  void aMemberMayIssueTokensOnlyForThemselves() {
    Result result = CliHarness.withWorkspace().runAs(MEMBER, "token", "issue", "carol");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.errLines()).containsExactly("gatehouse: access denied: bob may issue tokens only for themselves");
  }

  @Test
  void anUnknownActingUserIsDenied() {
    Result result = CliHarness.withWorkspace().runAs("nobody", "token", "issue", "nobody");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.errLines()).containsExactly("gatehouse: access denied: unknown user nobody");
  }

  @Test
  void aTokenForAnUnknownUserIsInvalidInput() {
    Result result = CliHarness.withWorkspace().run("token", "issue", "nobody");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.errLines()).containsExactly("gatehouse: no user named nobody");
  }
}
