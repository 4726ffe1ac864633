package dev.gatehouse.application.service;

import static dev.gatehouse.application.service.GatehouseFixtures.freshApproval;
import static dev.gatehouse.application.service.GatehouseFixtures.ADMIN;
import static dev.gatehouse.application.service.GatehouseFixtures.MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.UNKNOWN;
import static dev.gatehouse.application.service.GatehouseFixtures.WORKSPACE;
import static dev.gatehouse.application.service.GatehouseFixtures.aDuoWorkspace;
import static dev.gatehouse.application.service.GatehouseFixtures.aWorkspaceWithMembers;
import static dev.gatehouse.application.service.GatehouseFixtures.audit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.AddMemberCommand;
import dev.gatehouse.application.port.in.ClearSuspensionCommand;
import dev.gatehouse.application.port.in.DisableMfaCommand;
import dev.gatehouse.application.port.in.NotFoundException;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.application.port.in.WorkspaceDetails;
import org.junit.jupiter.api.Test;

/** Repeating an administrative change changes nothing and audits nothing more. */
class IdempotentAdministrationTest {

  @Test
  void addingAMemberTwiceKeepsOneMembershipAndOneAuditEvent() {
    InMemoryGatehouse env = aWorkspaceWithMembers();
    int before = audit(env, AuditEventType.MEMBER_ADDED).size();

    WorkspaceDetails again = env.gatehouse.addMember().add(new AddMemberCommand(ADMIN, WORKSPACE, MEMBER));

    assertThat(again.members().keySet()).containsOnlyOnce(MEMBER);
    assertThat(audit(env, AuditEventType.MEMBER_ADDED)).hasSize(before);
  }

  @Test
  void disablingMfaTwiceAuditsOnce() {
    InMemoryGatehouse env = aDuoWorkspace();
    freshApproval(env, ADMIN);

    env.gatehouse.disableMfa().disable(new DisableMfaCommand(ADMIN, WORKSPACE));
    env.gatehouse.disableMfa().disable(new DisableMfaCommand(ADMIN, WORKSPACE));

    assertThat(audit(env, AuditEventType.MFA_DISABLED)).hasSize(1);
  }

  @Test
  void clearingTheSuspensionOfAnUnknownUserSaysTheUserDoesNotExist() {
    InMemoryGatehouse env = aDuoWorkspace();

    assertThatThrownBy(() -> env.gatehouse.clearSuspension().clear(new ClearSuspensionCommand(ADMIN, WORKSPACE, UNKNOWN)))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no user named " + UNKNOWN);
  }
}
