package dev.gatehouse.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.gatehouse.application.contract.EntryRepositoryContract;
import dev.gatehouse.application.contract.StorageFixtures;
import dev.gatehouse.application.port.out.ConcurrentUpdateException;
import dev.gatehouse.application.port.out.DuplicateEntryException;
import dev.gatehouse.application.port.out.GatehousePorts;
import dev.gatehouse.application.port.out.StorageException;
import dev.gatehouse.domain.entry.Entry;
import dev.gatehouse.domain.entry.EntryDetails;
import dev.gatehouse.domain.entry.EntryKind;
import dev.gatehouse.domain.entry.EntryName;
import dev.gatehouse.domain.entry.EntrySecret;
import dev.gatehouse.domain.entry.SecretChange;
import dev.gatehouse.domain.session.GrantKind;
import dev.gatehouse.domain.session.WorkspaceSession;
import dev.gatehouse.domain.user.ApiToken;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.MemberRole;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the JDBC repositories do beyond the port contracts: roles, minimal entries, and edge cases of the life cycles. */
class JdbcRepositoriesIT {
  private String database;
  private HikariDataSource pool;
  private GatehousePorts ports;
  private User alice;
  private User bob;

  @BeforeEach
  void freshDatabase() {
    database = TestDatabase.createMigratedDatabase();
    pool = TestDatabase.pool(database, 4);
    ports = JdbcPorts.on(pool, TestKeys.randomRing());
    alice = StorageFixtures.aUser("alice");
    bob = StorageFixtures.aUser("bob");
    ports.users().add(alice);
    ports.users().add(bob);
  }

  @AfterEach
  void dropDatabase() {
    pool.close();
    TestDatabase.drop(database);
  }

  @Test
  void storesEachMembersRole() {
    Workspace workspace = StorageFixtures.aWorkspace("servers");
    ports.workspaces().add(workspace);
    ports.workspaces().putMember(workspace.id(), alice.name(), MemberRole.EDITOR);
    ports.workspaces().putMember(workspace.id(), bob.name(), MemberRole.READER);

    assertThat(ports.workspaces().members(workspace.id()))
        .containsExactly(Map.entry(alice.name(), MemberRole.EDITOR), Map.entry(bob.name(), MemberRole.READER));

    ports.workspaces().putMember(workspace.id(), alice.name(), MemberRole.READER);
    ports.workspaces().putMember(workspace.id(), bob.name(), MemberRole.EDITOR);
    assertThat(ports.workspaces().members(workspace.id()))
        .containsExactly(Map.entry(alice.name(), MemberRole.READER), Map.entry(bob.name(), MemberRole.EDITOR));
  }

  @Test
  void storesAnEntryWithOnlyItsRequiredFields() {
    Workspace workspace = workspace();
    EntryDetails minimal = EntryDetails.of(new EntryName("bare"), EntryKind.OTHER, "10.0.0.1", Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), "", Set.of());
    Entry entry = Entry.create(ports.tokens().newEntryId(), workspace.id(), minimal, Optional.empty(), alice.name(),
        StorageFixtures.T0);

    ports.entries().add(entry, Optional.empty());

    assertThat(ports.entries().find(workspace.id(), new EntryName("bare"))).contains(entry);
  }

  @Test
  void keepsTheSecretWhenAnEditKeepsIt() {
    Workspace workspace = workspace();
    Entry entry = entry(workspace, Optional.of(EntrySecret.password("kept")));

    Entry edited = ports.entries().update(entry.edit(EntryRepositoryContract.details("db1-new"), SecretChange.KEEP,
        bob.name(), StorageFixtures.T0.plusSeconds(60)), SecretChange.KEEP);

    assertThat(ports.entries().find(workspace.id(), new EntryName("db1-new"))).contains(edited);
    assertThat(edited.updatedBy()).isEqualTo(bob.name());
    assertThat(ports.entries().secretOf(workspace.id(), entry.id()).orElseThrow().reveal()).isEqualTo("kept");
  }

  @Test
  void aStaleEditChangesNothingNotEvenTheSecret() {
    Workspace workspace = workspace();
    Entry entry = entry(workspace, Optional.of(EntrySecret.password("first")));
    ports.entries().update(entry.edit(entry.details(), SecretChange.KEEP, alice.name(), StorageFixtures.T0),
        SecretChange.KEEP);
    SecretChange replace = new SecretChange.Replace(EntrySecret.password("stale"));

    assertThatThrownBy(() -> ports.entries().update(
        entry.edit(entry.details(), replace, alice.name(), StorageFixtures.T0), replace))
        .isInstanceOf(ConcurrentUpdateException.class);
    assertThat(ports.entries().secretOf(workspace.id(), entry.id()).orElseThrow().reveal()).isEqualTo("first");
  }

  @Test
  void aDuplicateEntryInsideAUnitOfWorkDoesNotAbortTheRestOfIt() {
    Workspace workspace = workspace();
    entry(workspace, Optional.empty());
    ports.unitOfWork().inTransaction(() -> {
      assertThatThrownBy(() -> entry(workspace, Optional.of(EntrySecret.password("x"))))
          .isInstanceOf(DuplicateEntryException.class).hasMessageContaining("an entry with this name exists");
      ports.users().update(bob.disable());
      return null;
    });
    assertThat(ports.users().find(bob.name()).orElseThrow().isDisabled()).isTrue();
  }

  @Test
  void updatingAnUnknownUserIsAStorageException() {
    assertThatThrownBy(() -> ports.users().update(StorageFixtures.aUser("nobody").disable()))
        .isInstanceOf(StorageException.class).hasMessageContaining("nobody");
  }

  @Test
  void aTokensLastUseNeverMovesBack() {
    ApiToken token = ApiToken.issue(ports.tokens().newTokenId(), ports.tokens().hash(ports.tokens().newToken()),
        alice.name(), Set.of(), StorageFixtures.T0, Optional.empty());
    ports.apiTokens().add(token);
    Instant later = StorageFixtures.T0.plusSeconds(600);

    assertThat(ports.apiTokens().touch(token.id(), later)).isTrue();
    assertThat(ports.apiTokens().touch(token.id(), StorageFixtures.T0.plusSeconds(60))).isTrue();

    assertThat(ports.apiTokens().find(token.id()).orElseThrow().lastUsedAt()).contains(later);
    assertThat(ports.apiTokens().touch(ports.tokens().newTokenId(), later)).isFalse();
  }

  @Test
  void anExpiredSessionIsNotRevokedAgain() {
    Workspace workspace = workspace();
    WorkspaceSession session = WorkspaceSession.open(ports.tokens().newSessionId(),
        ports.tokens().hash(ports.tokens().newToken()), workspace.id(), alice.name(), GrantKind.NO_MFA,
        StorageFixtures.T0, StorageFixtures.T0.plus(Duration.ofHours(1)));
    ports.sessions().add(session);
    Instant afterExpiry = StorageFixtures.T0.plus(Duration.ofHours(2));

    assertThat(ports.sessions().revoke(session.id(), afterExpiry)).isFalse();
    assertThat(ports.sessions().revokeAllOf(alice.name(), afterExpiry)).isZero();
    assertThat(ports.sessions().find(session.id()).orElseThrow().revokedAt()).isEmpty();
  }

  private Workspace workspace() {
    Workspace workspace = StorageFixtures.aWorkspace("servers");
    ports.workspaces().add(workspace);
    ports.workspaces().putMember(workspace.id(), alice.name(), MemberRole.EDITOR);
    return workspace;
  }

  private Entry entry(Workspace workspace, Optional<EntrySecret> secret) {
    Entry entry = Entry.create(ports.tokens().newEntryId(), workspace.id(), EntryRepositoryContract.details("db1"),
        secret.map(EntrySecret::kind), alice.name(), StorageFixtures.T0);
    ports.entries().add(entry, secret);
    return entry;
  }
}
