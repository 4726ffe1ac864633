package dev.gatehouse.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.port.out.ConcurrentUpdateException;
import dev.gatehouse.application.port.out.DuplicateEntryException;
import dev.gatehouse.domain.entry.Entry;
import dev.gatehouse.domain.entry.EntryDetails;
import dev.gatehouse.domain.entry.EntryKind;
import dev.gatehouse.domain.entry.EntryName;
import java.time.Duration;
import dev.gatehouse.domain.entry.StepUp;
import dev.gatehouse.domain.entry.EntrySecret;
import dev.gatehouse.domain.entry.EntryTag;
import dev.gatehouse.domain.entry.SecretChange;
import dev.gatehouse.domain.entry.SecretKind;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.Workspace;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@code EntryRepository} does. */
public interface EntryRepositoryContract extends StorageContract {
  static EntryDetails details(String name) {
    return EntryDetails.of(new EntryName(name), EntryKind.RDP, "db1.corp.example", Optional.of(3389),
        Optional.of("administrator"), Optional.of("CORP"), Optional.of("rdp://db1.corp.example"),
        "Jump host\nfor the database", Set.of(new EntryTag("prod"), new EntryTag("db")));
  }

  private Entry givenEntry(Workspace workspace, User by, String name, Optional<EntrySecret> secret) {
    Entry entry = Entry.create(ports().tokens().newEntryId(), workspace.id(), details(name),
        secret.map(EntrySecret::kind), by.name(), StorageFixtures.T0);
    ports().entries().add(entry, secret);
    return entry;
  }

  @Test
  default void storesAnEntryAndItsSecretApart() {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);
    Entry entry = givenEntry(workspace, alice, "db1", Optional.of(EntrySecret.password("s3cr3t!")));

    assertThat(ports().entries().find(workspace.id(), new EntryName("db1"))).contains(entry);
    assertThat(ports().entries().secretOf(workspace.id(), entry.id()))
        .hasValueSatisfying(s -> assertThat(s.reveal()).isEqualTo("s3cr3t!"));
  }

  @Test
  default void anEntryWithoutASecretRevealsNothing() {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);
    Entry entry = givenEntry(workspace, alice, "db1", Optional.empty());

    assertThat(entry.hasSecret()).isFalse();
    assertThat(ports().entries().secretOf(workspace.id(), entry.id())).isEmpty();
  }

  @Test
  default void listsTheWorkspacesEntriesByName() {
    User alice = givenUser("alice");
    Workspace servers = givenWorkspace("servers", alice);
    Workspace other = givenWorkspace("other", alice);
    Entry web = givenEntry(servers, alice, "web", Optional.empty());
    Entry db = givenEntry(servers, alice, "db", Optional.empty());
    givenEntry(other, alice, "elsewhere", Optional.empty());

    assertThat(ports().entries().list(servers.id())).containsExactly(db, web);
  }

  @Test
  default void refusesADuplicateNameInOneWorkspaceOnly() {
    User alice = givenUser("alice");
    Workspace servers = givenWorkspace("servers", alice);
    Workspace other = givenWorkspace("other", alice);
    givenEntry(servers, alice, "db1", Optional.empty());

    assertThatThrownBy(() -> givenEntry(servers, alice, "db1", Optional.empty()))
        .isInstanceOf(DuplicateEntryException.class);
    givenEntry(other, alice, "db1", Optional.empty());
  }

  @Test
  default void updatesOnlyTheVersionItWasReadAt() {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);
    Entry entry = givenEntry(workspace, alice, "db1", Optional.empty());
    Entry edited = entry.edit(details("db1-renamed"), SecretChange.KEEP, alice.name(), StorageFixtures.T0.plusSeconds(5));

    Entry stored = ports().entries().update(edited, SecretChange.KEEP);

    assertThat(stored.version()).isEqualTo(1);
    assertThat(ports().entries().find(workspace.id(), new EntryName("db1-renamed"))).contains(stored);
    assertThat(ports().entries().find(workspace.id(), new EntryName("db1"))).isEmpty();
    assertThatThrownBy(() -> ports().entries().update(edited, SecretChange.KEEP))
        .isInstanceOf(ConcurrentUpdateException.class);
  }

  @Test
  default void refusesARenameToATakenName() {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);
    givenEntry(workspace, alice, "db1", Optional.empty());
    Entry db2 = givenEntry(workspace, alice, "db2", Optional.empty());

    assertThatThrownBy(() -> ports().entries().update(
        db2.edit(details("db1"), SecretChange.KEEP, alice.name(), StorageFixtures.T0), SecretChange.KEEP))
        .isInstanceOf(DuplicateEntryException.class);
  }

  @Test
  default void replacesAndClearsTheSecret() {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);
    Entry entry = givenEntry(workspace, alice, "db1", Optional.of(EntrySecret.password("old")));
    SecretChange replace = new SecretChange.Replace(EntrySecret.privateKey("-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n"));

    Entry replaced = ports().entries().update(entry.edit(entry.details(), replace, alice.name(), StorageFixtures.T0), replace);

    assertThat(replaced.secret()).contains(SecretKind.PRIVATE_KEY);
    assertThat(ports().entries().secretOf(workspace.id(), entry.id()).orElseThrow().reveal())
        .startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
    Entry cleared = ports().entries().update(
        replaced.edit(entry.details(), SecretChange.CLEAR, alice.name(), StorageFixtures.T0), SecretChange.CLEAR);
    assertThat(cleared.hasSecret()).isFalse();
    assertThat(ports().entries().secretOf(workspace.id(), entry.id())).isEmpty();
  }

  @Test
  default void removesAnEntryOfItsOwnWorkspaceOnly() {
    User alice = givenUser("alice");
    Workspace servers = givenWorkspace("servers", alice);
    Workspace other = givenWorkspace("other", alice);
    Entry entry = givenEntry(servers, alice, "db1", Optional.of(EntrySecret.password("x")));

    assertThat(ports().entries().remove(other.id(), entry.id())).isFalse();
    assertThat(ports().entries().remove(servers.id(), entry.id())).isTrue();
    assertThat(ports().entries().remove(servers.id(), entry.id())).isFalse();
    assertThat(ports().entries().find(servers.id(), entry.name())).isEmpty();
    assertThat(ports().entries().secretOf(servers.id(), entry.id())).isEmpty();
  }

  @Test
  default void neverRevealsASecretThroughAnotherWorkspace() {
    User alice = givenUser("alice");
    Workspace servers = givenWorkspace("servers", alice);
    Workspace other = givenWorkspace("other", alice);
    Entry entry = givenEntry(servers, alice, "db1", Optional.of(EntrySecret.password("x")));

    assertThat(ports().entries().secretOf(other.id(), entry.id())).isEmpty();
  }

  @Test
  default void storesAnEntrysStepUpAndItsChangesUntilCleared() {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);
    EntryDetails guarded = details("vault").withStepUp(Optional.of(new StepUp(Duration.ofMinutes(5))));
    Entry entry = Entry.create(ports().tokens().newEntryId(), workspace.id(), guarded, Optional.empty(), alice.name(),
        StorageFixtures.T0);
    ports().entries().add(entry, Optional.empty());

    assertThat(ports().entries().find(workspace.id(), new EntryName("vault")).orElseThrow().details().stepUp())
        .contains(new StepUp(Duration.ofMinutes(5)));

    Entry longer = ports().entries().update(entry.edit(guarded.withStepUp(Optional.of(new StepUp(Duration.ofHours(24)))),
        SecretChange.KEEP, alice.name(), StorageFixtures.T0.plusSeconds(1)), SecretChange.KEEP);
    assertThat(ports().entries().find(workspace.id(), new EntryName("vault"))).contains(longer);
    assertThat(longer.details().stepUp()).contains(new StepUp(Duration.ofHours(24)));

    Entry cleared = ports().entries().update(longer.edit(guarded.withStepUp(Optional.empty()), SecretChange.KEEP,
        alice.name(), StorageFixtures.T0.plusSeconds(2)), SecretChange.KEEP);
    assertThat(ports().entries().list(workspace.id())).containsExactly(cleared);
    assertThat(cleared.details().stepUp()).isEmpty();
  }
}
