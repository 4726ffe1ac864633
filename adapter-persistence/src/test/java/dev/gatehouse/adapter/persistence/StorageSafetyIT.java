package dev.gatehouse.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.contract.StorageFixtures;
import dev.gatehouse.application.fake.FakeSecondFactorGateway;
import dev.gatehouse.application.fake.MutableClock;
import dev.gatehouse.application.port.in.AddUserCommand;
import dev.gatehouse.application.port.in.CreateWorkspaceCommand;
import dev.gatehouse.application.port.in.StorageProblemException;
import dev.gatehouse.application.port.out.AuditFilter;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.application.port.out.ChallengeRepository;
import dev.gatehouse.application.port.out.ConcurrentUpdateException;
import dev.gatehouse.application.port.out.DuplicateEntryException;
import dev.gatehouse.application.port.out.GatehousePorts;
import dev.gatehouse.application.port.out.StorageException;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.challenge.Challenge;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.MemberRole;
import dev.gatehouse.domain.workspace.Workspace;
import dev.gatehouse.domain.workspace.WorkspaceDescription;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the database itself guarantees: secrets at rest, append-only audit, atomic use cases, one outcome. */
class StorageSafetyIT {
  private String database;
  private HikariDataSource pool;

  @BeforeEach
  void freshDatabase() {
    database = TestDatabase.createMigratedDatabase();
    pool = TestDatabase.pool(database, 10);
  }

  @AfterEach
  void dropDatabase() {
    pool.close();
    TestDatabase.drop(database);
  }

  @Test
  void noStoredValueHoldsTheDuoSecretKeyAnEntrySecretOrAPlainToken() throws Exception {
    FakeSecondFactorGateway duo = GatehouseFlow.duo();
    GatehouseFlow.Tokens tokens = GatehouseFlow.run(
        JdbcPorts.on(pool, TestKeys.randomRing(), duo, MutableClock.startingAt("2026-11-29T09:00:00Z")), duo);

    List<String> needles = new ArrayList<>(tokens.plain());
    needles.add(StorageFixtures.SECRET_KEY);
    List<String> scanned = new ArrayList<>();
    try (Connection c = pool.getConnection()) {
      for (String[] column : textAndByteaColumns(c)) {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT \"" + column[1] + "\"::text::bytea FROM \"" + column[0] + "\"")) {
          while (r.next()) {
            byte[] value = r.getBytes(1);
            if (value == null) {
              continue;
            }
            String asText = new String(value, StandardCharsets.ISO_8859_1);
            for (String needle : needles) {
              assertThat(asText).as(column[0] + "." + column[1]).doesNotContain(needle);
            }
            scanned.add(column[0] + "." + column[1]);
          }
        }
      }
    }
    assertThat(scanned).contains("mfa_policies.duo_secret_ciphertext", "api_tokens.token_hash",
        "workspace_sessions.token_hash", "audit_events.detail", "challenges.status_message",
        "entries.secret_ciphertext", "workspace_data_keys.wrapped_key");
  }

  private static List<String[]> textAndByteaColumns(Connection c) throws SQLException {
    List<String[]> columns = new ArrayList<>();
    try (Statement s = c.createStatement();
         ResultSet r = s.executeQuery("SELECT table_name, column_name FROM information_schema.columns"
             + " WHERE table_schema = 'public' AND data_type IN ('text', 'bytea', 'character varying', 'ARRAY')"
             + " ORDER BY table_name, column_name")) {
      while (r.next()) {
        columns.add(new String[] {r.getString(1), r.getString(2)});
      }
    }
    return columns;
  }

  @Test
  void auditRowsCannotBeChangedOrRemoved() throws Exception {
    GatehousePorts ports = JdbcPorts.on(pool, TestKeys.randomRing());
    ports.audit().append(AuditEvent.of(dev.gatehouse.domain.audit.AuditEventType.USER_ADDED, StorageFixtures.T0)
        .detail("kept forever").build());

    for (String sql : List.of("UPDATE audit_events SET detail = 'rewritten'", "DELETE FROM audit_events",
        "TRUNCATE audit_events")) {
      try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
        assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
            .hasMessageContaining("append-only");
      }
    }
    assertThat(ports.audit().list(new AuditFilter(Optional.empty(), Optional.empty(), 10)))
        .extracting(AuditEvent::detail).containsExactly("kept forever");
  }

  @Test
  void aUseCaseThatFailsHalfwayLeavesNoPartialWrites() {
    GatehousePorts jdbc = JdbcPorts.on(pool, TestKeys.randomRing());
    AuditLog failingAudit = new AuditLog() {
      @Override
      public void append(AuditEvent event) {
        throw new StorageException("disk full (injected)");
      }

      @Override
      public List<AuditEvent> list(AuditFilter filter) {
        return jdbc.audit().list(filter);
      }
    };
    GatehousePorts failing = new GatehousePorts(jdbc.users(), jdbc.apiTokens(), jdbc.workspaces(), jdbc.policies(),
        jdbc.deviceChoices(), jdbc.challenges(), jdbc.sessions(), jdbc.guards(), jdbc.entries(), failingAudit,
        jdbc.unitOfWork(), jdbc.secondFactor(), jdbc.masterKeys(), jdbc.tokens(), jdbc.clock());
    Gatehouse gatehouse = Gatehouse.assemble(failing);

    // The workspace row is written, then the audit append fails: both must be rolled back.
    assertThatThrownBy(() -> gatehouse.addUser().add(new AddUserCommand(GatehouseFlow.ADMIN, GatehouseFlow.ADMIN,
        Role.ADMINISTRATOR, Optional.empty()))).isInstanceOf(StorageProblemException.class);
    assertThat(jdbc.users().count()).isZero();

    jdbc.users().add(StorageFixtures.anAdministrator(GatehouseFlow.ADMIN.value()));
    assertThatThrownBy(() -> gatehouse.createWorkspace().create(new CreateWorkspaceCommand(GatehouseFlow.ADMIN,
        new WorkspaceName("servers"), WorkspaceDescription.NONE))).isInstanceOf(StorageProblemException.class);
    assertThat(jdbc.workspaces().list()).isEmpty();
  }

  @Test
  void twoNodesCompletingOneChallengeEndInExactlyOneOutcome() throws Exception {
    try (HikariDataSource otherNode = TestDatabase.pool(database, 10)) {
      GatehousePorts nodeA = JdbcPorts.on(pool, TestKeys.randomRing());
      ChallengeRepository nodeB = JdbcPorts.on(otherNode, TestKeys.randomRing()).challenges();
      User alice = StorageFixtures.aUser("alice");
      nodeA.users().add(alice);
      Workspace workspace = StorageFixtures.aWorkspace("servers");
      nodeA.workspaces().add(workspace);
      nodeA.workspaces().putMember(workspace.id(), alice.name(), MemberRole.READER);

      for (int round = 0; round < 5; round++) {
        Challenge challenge = StorageFixtures.aChallenge(workspace, alice, StorageFixtures.push());
        nodeA.challenges().add(challenge);
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          ChallengeRepository node = i % 2 == 0 ? nodeA.challenges() : nodeB;
          Challenge outcome = i % 4 < 2 ? challenge.approve(StatusMessage.of("ok"))
              : challenge.deny(DenialReason.DENIED, StatusMessage.of("no"));
          racers.add(() -> {
            try {
              node.update(outcome);
              return true;
            } catch (ConcurrentUpdateException lost) {
              return false;
            }
          });
        }
        assertThat(race(racers)).as("round " + round).isEqualTo(1);
        Challenge stored = nodeB.find(challenge.id()).orElseThrow();
        assertThat(stored.version()).isEqualTo(challenge.version() + 1);
        assertThat(stored.state().isFinal()).isTrue();
      }
    }
  }

  @Test
  void twoNodesStartingAPushForOneMemberStoreOnlyOne() throws Exception {
    try (HikariDataSource otherNode = TestDatabase.pool(database, 10)) {
      GatehousePorts nodeA = JdbcPorts.on(pool, TestKeys.randomRing());
      GatehousePorts nodeB = JdbcPorts.on(otherNode, TestKeys.randomRing());
      User alice = StorageFixtures.aUser("alice");
      nodeA.users().add(alice);
      Workspace workspace = StorageFixtures.aWorkspace("servers");
      nodeA.workspaces().add(workspace);
      nodeA.workspaces().putMember(workspace.id(), alice.name(), MemberRole.READER);

      List<Callable<Boolean>> racers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        GatehousePorts node = i % 2 == 0 ? nodeA : nodeB;
        racers.add(() -> {
          try {
            // As a use case does it: inside a unit of work, which the duplicate must not poison.
            return node.unitOfWork().inTransaction(() -> {
              node.challenges().add(StorageFixtures.aChallenge(workspace, alice, StorageFixtures.push()));
              return true;
            });
          } catch (DuplicateEntryException lost) {
            return false;
          }
        });
      }
      assertThat(race(racers)).isEqualTo(1);
      try (Connection c = pool.getConnection();
           PreparedStatement s = c.prepareStatement("SELECT count(*) FROM challenges");
           ResultSet r = s.executeQuery()) {
        r.next();
        assertThat(r.getInt(1)).isEqualTo(1);
      }
    }
  }

  @Test
  void aDuplicateInsideAUnitOfWorkDoesNotAbortTheRestOfIt() {
    GatehousePorts ports = JdbcPorts.on(pool, TestKeys.randomRing());
    ports.users().add(StorageFixtures.aUser("alice"));
    ports.unitOfWork().inTransaction(() -> {
      assertThatThrownBy(() -> ports.users().add(StorageFixtures.aUser("alice")))
          .isInstanceOf(DuplicateEntryException.class);
      ports.users().add(StorageFixtures.aUser("bob"));
      return null;
    });
    assertThat(ports.users().count()).isEqualTo(2);
  }

  @Test
  void aForeignKeyViolationIsAStorageExceptionNotALibraryOne() {
    GatehousePorts ports = JdbcPorts.on(pool, TestKeys.randomRing());
    Workspace workspace = StorageFixtures.aWorkspace("servers");
    ports.workspaces().add(workspace);
    assertThatThrownBy(() -> ports.workspaces().putMember(workspace.id(),
        new dev.gatehouse.domain.user.UserName("nobody"), MemberRole.READER))
        .isExactlyInstanceOf(StorageException.class).hasMessageContaining("23503");
    assertThat(ports.workspaces().memberCount(workspace.id())).isZero();
  }

  private static int race(List<Callable<Boolean>> racers) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(racers.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (Callable<Boolean> racer : racers) {
        results.add(threads.submit(() -> {
          start.await();
          return racer.call();
        }));
      }
      start.countDown();
      int winners = 0;
      for (Future<Boolean> result : results) {
        winners += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      return winners;
    } finally {
      threads.shutdownNow();
    }
  }
}
