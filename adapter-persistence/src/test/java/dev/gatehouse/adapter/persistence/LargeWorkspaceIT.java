package dev.gatehouse.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.contract.EntryRepositoryContract;
import dev.gatehouse.application.port.in.AddMemberCommand;
import dev.gatehouse.application.port.in.AddUserCommand;
import dev.gatehouse.application.port.in.CreateWorkspaceCommand;
import dev.gatehouse.application.port.in.ListWorkspacesQuery;
import dev.gatehouse.application.port.in.challenge.OpenWorkspaceCommand;
import dev.gatehouse.application.port.in.RemoveMemberCommand;
import dev.gatehouse.application.port.in.challenge.UnlockResult;
import dev.gatehouse.application.port.in.WorkspaceDetails;
import dev.gatehouse.application.port.in.entry.AddEntryCommand;
import dev.gatehouse.application.port.in.entry.ListEntriesQuery;
import dev.gatehouse.application.port.in.session.SessionCredentials;
import dev.gatehouse.application.port.out.GatehousePorts;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.entry.Entry;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.MemberRole;
import dev.gatehouse.domain.workspace.WorkspaceDescription;
import dev.gatehouse.domain.workspace.WorkspaceId;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A workspace far beyond any former member cap, on the real PostgreSQL: membership is a relation,
 * and "is U a member, in which role" is one index look-up however many members there are. The
 * tests share one workspace and leave its 20,000 members as they found them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeWorkspaceIT {
  private static final int MEMBERS = 20_000;
  private static final UserName ADMIN = new UserName("alice");
  private static final WorkspaceName WORKSPACE = new WorkspaceName("everyone");

  private String database;
  private HikariDataSource pool;
  private GatehousePorts ports;
  private Gatehouse gatehouse;
  private WorkspaceId workspace;

  @BeforeAll
  void aWorkspaceWithTwentyThousandMembers() throws Exception {
    database = TestDatabase.createMigratedDatabase();
    pool = TestDatabase.pool(database, 4);
    ports = JdbcPorts.on(pool, TestKeys.randomRing());
    gatehouse = Gatehouse.assemble(ports);
    gatehouse.addUser().add(new AddUserCommand(ADMIN, ADMIN, Role.ADMINISTRATOR, Optional.empty()));
    workspace = gatehouse.createWorkspace().create(
        new CreateWorkspaceCommand(ADMIN, WORKSPACE, WorkspaceDescription.NONE)).id();
    // The users are test data, inserted in one statement; the memberships go through the repository.
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO users (name, role, duo_username, created_at) SELECT 'member' || lpad(i::text, 5, '0'),"
          + " 'MEMBER', 'member' || lpad(i::text, 5, '0'), now() FROM generate_series(0, " + (MEMBERS - 1) + ") i");
    }
    long start = System.nanoTime();
    ports.unitOfWork().inTransaction(() -> {
      for (int i = 0; i < MEMBERS; i++) {
        ports.workspaces().putMember(workspace, member(i), MemberRole.READER);
      }
      return null;
    });
    System.out.printf("put %d members in %d ms%n", MEMBERS, (System.nanoTime() - start) / 1_000_000);
  }

  @AfterAll
  void dropDatabase() {
    pool.close();
    TestDatabase.drop(database);
  }

  private static UserName member(int i) {
    return new UserName(String.format("member%05d", i));
  }

  @Test
  void holdsTwentyThousandMembersAndAnswersOneRoleByIndex() throws Exception {
    assertThat(ports.workspaces().memberCount(workspace)).isEqualTo(MEMBERS);
    assertThat(ports.workspaces().roleOf(workspace, member(12_345))).contains(MemberRole.READER);
    assertThat(ports.workspaces().roleOf(workspace, new UserName("stranger"))).isEmpty();

    long start = System.nanoTime();
    for (int i = 0; i < 1_000; i++) {
      assertThat(ports.workspaces().roleOf(workspace, member(i * 17))).isPresent();
    }
    System.out.printf("roleOf among %d members: %d µs per look-up%n", MEMBERS, (System.nanoTime() - start) / 1_000_000);

    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute("ANALYZE workspace_members");
      StringBuilder plan = new StringBuilder();
      try (ResultSet r = s.executeQuery("EXPLAIN SELECT role FROM workspace_members"
          + " WHERE workspace_id = '" + workspace.value() + "' AND user_name = 'member12345'")) {
        while (r.next()) {
          plan.append(r.getString(1)).append('\n');
        }
      }
      assertThat(plan.toString()).contains("Index Scan").doesNotContain("Seq Scan");
    }
  }

  @Test
  void anAdministratorAddsTheTwentyThousandAndFirstMember() {
    gatehouse.addUser().add(new AddUserCommand(ADMIN, new UserName("Zoe"), Role.MEMBER, Optional.empty()));

    WorkspaceDetails details = gatehouse.addMember().add(new AddMemberCommand(ADMIN, WORKSPACE, new UserName("ZOE"),
        Optional.of(MemberRole.EDITOR)));

    assertThat(details.members()).hasSize(MEMBERS + 1).containsEntry(new UserName("zoe"), MemberRole.EDITOR);
    assertThat(gatehouse.removeMember().remove(new RemoveMemberCommand(ADMIN, WORKSPACE, new UserName("zoe")))
        .members()).hasSize(MEMBERS).doesNotContainKey(new UserName("zoe"));
  }

  @Test
  void oneMemberOpensAndUsesTheWorkspace() {
    gatehouse.addMember().add(new AddMemberCommand(ADMIN, WORKSPACE, member(7), Optional.of(MemberRole.EDITOR)));

    UnlockResult opened = gatehouse.openWorkspace().open(
        new OpenWorkspaceCommand(member(7), WORKSPACE, ClientContext.UNKNOWN));

    assertThat(opened).isInstanceOf(UnlockResult.Granted.class);
    SessionCredentials session = new SessionCredentials(member(7), WORKSPACE,
        ((UnlockResult.Granted) opened).session().token());
    Entry entry = gatehouse.addEntry().add(new AddEntryCommand(session, EntryRepositoryContract.details("db1"),
        Optional.empty()));
    assertThat(gatehouse.listEntries().list(new ListEntriesQuery(session))).containsExactly(entry);
    assertThat(gatehouse.listWorkspaces().list(new ListWorkspacesQuery(member(7))))
        .extracting(w -> w.workspace().name()).containsExactly(WORKSPACE);
  }
}
