package dev.gatehouse.application.service;

import static dev.gatehouse.application.service.GatehouseFixtures.ADMIN;
import static dev.gatehouse.application.service.GatehouseFixtures.MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.OTHER_MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.PHONE;
import static dev.gatehouse.application.service.GatehouseFixtures.WORKSPACE;
import static dev.gatehouse.application.service.GatehouseFixtures.aDuoWorkspace;
import static dev.gatehouse.application.service.GatehouseFixtures.aMemberWithActivePush;
import static dev.gatehouse.application.service.GatehouseFixtures.approveAndRead;
import static dev.gatehouse.application.service.GatehouseFixtures.audit;
import static dev.gatehouse.application.service.GatehouseFixtures.choose;
import static dev.gatehouse.application.service.GatehouseFixtures.open;
import static dev.gatehouse.application.service.GatehouseFixtures.pending;
import static dev.gatehouse.application.service.GatehouseFixtures.select;
import static dev.gatehouse.application.service.GatehouseFixtures.verifying;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.AddMemberCommand;
import dev.gatehouse.application.port.in.CreateWorkspaceCommand;
import dev.gatehouse.application.port.in.ListAuditEventsQuery;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceDescription;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the audit trail records, and how ListAuditEvents reads it. */
class AuditTrailTest {
  private static final WorkspaceName DESKTOPS = new WorkspaceName("desktops");

  @Test
  void recordsWhoCreatedTheWorkspaceAndAddedItsMembers() {
    InMemoryGatehouse env = GatehouseFixtures.aWorkspaceWithMembers();

    assertThat(audit(env, AuditEventType.WORKSPACE_CREATED)).singleElement().satisfies(e -> {
      assertThat(e.actor()).contains(ADMIN);
      assertThat(e.workspace()).contains(WORKSPACE);
    });
    assertThat(audit(env, AuditEventType.MEMBER_ADDED)).extracting(e -> e.subject().orElseThrow())
        .containsExactly(OTHER_MEMBER, MEMBER);
  }

  @Test
  void recordsTheDeviceChoiceAsPending() {
    InMemoryGatehouse env = aDuoWorkspace();

    verifying(choose(env, MEMBER, select(PHONE, DuoMethod.PUSH)));

    assertThat(audit(env, AuditEventType.DEVICE_CHOSEN)).singleElement().satisfies(e -> {
      assertThat(e.actor()).contains(MEMBER);
      assertThat(e.workspace()).contains(WORKSPACE);
      assertThat(e.method()).contains(DuoMethod.PUSH);
      assertThat(e.outcome()).isEqualTo("pending");
      assertThat(e.detail()).contains(PHONE.id().value());
    });
  }

  @Test
  void recordsTheDeviceActivation() {
    InMemoryGatehouse env = aDuoWorkspace();
    approveAndRead(env, MEMBER, verifying(choose(env, MEMBER, select(PHONE, DuoMethod.PUSH))).id());

    assertThat(audit(env, AuditEventType.DEVICE_ACTIVATED)).singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo("activated"));
  }

  @Test
  void recordsTheStartOfEveryChallenge() {
    InMemoryGatehouse env = aMemberWithActivePush();

    pending(open(env, MEMBER));

    assertThat(audit(env, AuditEventType.CHALLENGE_STARTED)).hasSize(2).first().satisfies(e -> {
      assertThat(e.actor()).contains(MEMBER);
      assertThat(e.workspace()).contains(WORKSPACE);
      assertThat(e.method()).contains(DuoMethod.PUSH);
      assertThat(e.detail()).startsWith("unlock");
    });
  }

  @Test
  void recordsTheGrantOfEverySession() {
    InMemoryGatehouse env = aMemberWithActivePush();

    GatehouseFixtures.claim(env, MEMBER, approveAndRead(env, MEMBER, pending(open(env, MEMBER)).id()));

    assertThat(audit(env, AuditEventType.ACCESS_GRANTED)).singleElement().satisfies(e -> {
      assertThat(e.actor()).contains(MEMBER);
      assertThat(e.outcome()).isEqualTo("duo_approved");
    });
  }

  @Test
  void recordsWhenEachEventHappened() {
    InMemoryGatehouse env = aMemberWithActivePush();
    env.clock.advance(Duration.ofMinutes(7));

    pending(open(env, MEMBER));

    assertThat(audit(env).get(0).at()).isEqualTo(env.clock.instant());
  }

  @Test
  void listsNewestFirst() {
    InMemoryGatehouse env = aMemberWithActivePush();
    env.clock.advance(Duration.ofMinutes(1));
    GatehouseFixtures.claim(env, MEMBER, approveAndRead(env, MEMBER, pending(open(env, MEMBER)).id()));

    List<AuditEvent> events = audit(env);

    assertThat(events).isSortedAccordingTo(Comparator.comparing(AuditEvent::at).reversed());
    assertThat(events.get(0).type()).isEqualTo(AuditEventType.ACCESS_GRANTED);
    assertThat(events.get(events.size() - 1).type()).isEqualTo(AuditEventType.USER_ADDED);
  }

  @Test
  void honoursTheLimit() {
    InMemoryGatehouse env = aMemberWithActivePush();

    List<AuditEvent> limited = list(env, Optional.empty(), Optional.empty(), 3);

    assertThat(limited).containsExactlyElementsOf(audit(env).subList(0, 3));
  }

  @Test
  void filtersByWorkspace() {
    InMemoryGatehouse env = withSecondWorkspace();

    List<AuditEvent> events = list(env, Optional.of(DESKTOPS), Optional.empty(), 100);

    assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.workspace()).contains(DESKTOPS));
    assertThat(events).extracting(AuditEvent::type)
        .containsExactly(AuditEventType.MEMBER_ADDED, AuditEventType.WORKSPACE_CREATED);
  }

  @Test
  void filtersByUserAsActorOrSubject() {
    InMemoryGatehouse env = withSecondWorkspace();

    List<AuditEvent> events = list(env, Optional.empty(), Optional.of(OTHER_MEMBER), 100);

    assertThat(events).isNotEmpty().allSatisfy(e ->
        assertThat(e.actor().filter(OTHER_MEMBER::equals).or(e::subject)).contains(OTHER_MEMBER));
    assertThat(events).anySatisfy(e -> assertThat(e.actor()).contains(ADMIN));
  }

  @Test
  void filtersByWorkspaceAndUserTogether() {
    InMemoryGatehouse env = withSecondWorkspace();

    List<AuditEvent> events = list(env, Optional.of(DESKTOPS), Optional.of(OTHER_MEMBER), 100);

    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(AuditEventType.MEMBER_ADDED);
      assertThat(e.subject()).contains(OTHER_MEMBER);
    });
  }

  @Test
  void anEmptyResultForAUserWithoutEvents() {
    InMemoryGatehouse env = withSecondWorkspace();

    assertThat(list(env, Optional.empty(), Optional.of(new UserName("nobody")), 100)).isEmpty();
  }

  private static InMemoryGatehouse withSecondWorkspace() {
    InMemoryGatehouse env = GatehouseFixtures.aWorkspaceWithMembers();
    env.clock.advance(Duration.ofSeconds(1));
    env.gatehouse.createWorkspace().create(new CreateWorkspaceCommand(ADMIN, DESKTOPS, WorkspaceDescription.NONE));
    env.gatehouse.addMember().add(new AddMemberCommand(ADMIN, DESKTOPS, OTHER_MEMBER));
    return env;
  }

  private static List<AuditEvent> list(InMemoryGatehouse env, Optional<WorkspaceName> workspace,
      Optional<UserName> user, int limit) {
    return env.gatehouse.listAuditEvents().list(new ListAuditEventsQuery(ADMIN, workspace, user, limit));
  }
}
