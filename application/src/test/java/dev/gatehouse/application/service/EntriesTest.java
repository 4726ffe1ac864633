package dev.gatehouse.application.service;

import static dev.gatehouse.application.service.GatehouseFixtures.ADMIN;
import static dev.gatehouse.application.service.GatehouseFixtures.CLIENT;
import static dev.gatehouse.application.service.GatehouseFixtures.MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.OTHER_MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.OUTSIDER;
import static dev.gatehouse.application.service.GatehouseFixtures.WORKSPACE;
import static dev.gatehouse.application.service.GatehouseFixtures.aWorkspaceWithMembers;
import static dev.gatehouse.application.service.GatehouseFixtures.granted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.AccessDeniedException;
import dev.gatehouse.application.port.in.AddMemberCommand;
import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.in.CreateWorkspaceCommand;
import dev.gatehouse.application.port.in.NotFoundException;
import dev.gatehouse.application.port.in.challenge.OpenWorkspaceCommand;
import dev.gatehouse.application.port.in.challenge.SessionGrant;
import dev.gatehouse.application.port.in.StorageProblemException;
import dev.gatehouse.application.port.in.entry.AddEntryCommand;
import dev.gatehouse.application.port.in.entry.EditEntryCommand;
import dev.gatehouse.application.port.in.entry.GetEntryQuery;
import dev.gatehouse.application.port.in.entry.ListEntriesQuery;
import dev.gatehouse.application.port.in.entry.RemoveEntryCommand;
import dev.gatehouse.application.port.in.entry.RevealEntryCommand;
import dev.gatehouse.application.port.in.entry.RevealEntryResult;
import dev.gatehouse.application.port.in.entry.RevealedEntry;
import dev.gatehouse.application.port.in.session.SessionCredentials;
import dev.gatehouse.application.port.in.session.SessionRequiredException;
import dev.gatehouse.application.port.out.GatehousePorts;
import dev.gatehouse.application.port.out.WorkspaceSessionRepository;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.entry.Entry;
import dev.gatehouse.domain.entry.EntryDetails;
import dev.gatehouse.domain.entry.EntryKind;
import dev.gatehouse.domain.entry.EntryName;
import dev.gatehouse.domain.entry.EntrySecret;
import dev.gatehouse.domain.entry.EntryTag;
import dev.gatehouse.domain.entry.SecretChange;
import dev.gatehouse.domain.entry.SecretKind;
import dev.gatehouse.domain.session.SessionId;
import dev.gatehouse.domain.session.WorkspaceSession;
import dev.gatehouse.domain.user.SecretToken;
import dev.gatehouse.domain.user.TokenHash;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.MemberRole;
import dev.gatehouse.domain.workspace.WorkspaceDescription;
import dev.gatehouse.domain.workspace.WorkspaceId;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Entries behind the gate: only a live session of the member opens them, secrets only by an audited reveal. */
class EntriesTest {
  private static final String PASSWORD = "Tr0ub4dor&3-unique";

  private InMemoryGatehouse env;
  private SessionCredentials editor;
  private SessionCredentials reader;

  @BeforeEach
  void anOpenWorkspaceWithAnEditorAndAReader() {
    env = aWorkspaceWithMembers();
    env.gatehouse.addMember().add(new AddMemberCommand(ADMIN, WORKSPACE, MEMBER, Optional.of(MemberRole.EDITOR)));
    editor = session(MEMBER, WORKSPACE);
    reader = session(OTHER_MEMBER, WORKSPACE);
  }

  private SessionCredentials session(UserName user, WorkspaceName workspace) {
    SessionGrant grant = granted(env.gatehouse.openWorkspace().open(new OpenWorkspaceCommand(user, workspace, CLIENT)));
    return new SessionCredentials(user, workspace, grant.token());
  }

  static EntryDetails details(String name) {
    return EntryDetails.of(new EntryName(name), EntryKind.RDP, "db1.corp.example", Optional.of(3389),
        Optional.of("administrator"), Optional.of("CORP"), Optional.empty(), "", Set.of(new EntryTag("prod")));
  }

  private Entry add(String name, Optional<EntrySecret> secret) {
    return env.gatehouse.addEntry().add(new AddEntryCommand(editor, details(name), secret));
  }

  private List<AuditEvent> audit(AuditEventType type) {
    return GatehouseFixtures.audit(env, type);
  }

  @Test
  void anEditorAddsAnEntryThatMembersListWithoutItsSecret() {
    Entry added = add("db1", Optional.of(EntrySecret.password(PASSWORD)));

    List<Entry> listed = env.gatehouse.listEntries().list(new ListEntriesQuery(reader));

    assertThat(listed).containsExactly(added);
    assertThat(listed.get(0).secret()).contains(SecretKind.PASSWORD);
    assertThat(listed.toString()).doesNotContain(PASSWORD);
    assertThat(audit(AuditEventType.ENTRY_ADDED)).singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("db1").doesNotContain(PASSWORD));
  }

  @Test
  void aRevealIsCountedAndARefusedOneIsNot() {
    add("db1", Optional.of(EntrySecret.password(PASSWORD)));
    add("db2", Optional.empty());

    env.gatehouse.revealEntry().reveal(new RevealEntryCommand(reader, new EntryName("db1"), CLIENT));
    assertThatThrownBy(() -> env.gatehouse.revealEntry()
        .reveal(new RevealEntryCommand(reader, new EntryName("db2"), CLIENT)));

    assertThat(env.telemetry.events()).filteredOn(e -> e.equals("revealed")).hasSize(1);
  }

  @Test
  void aRevealIsAuditedWithEntryUserSessionAndClient() {
    add("db1", Optional.of(EntrySecret.password(PASSWORD)));

    RevealEntryResult result = env.gatehouse.revealEntry().reveal(new RevealEntryCommand(reader, new EntryName("db1"), CLIENT));

    assertThat(result).isInstanceOf(RevealEntryResult.Revealed.class);
    RevealedEntry revealed = ((RevealEntryResult.Revealed) result).entry();

    assertThat(revealed.secret().reveal()).isEqualTo(PASSWORD);
    assertThat(revealed.username()).contains("administrator");
    assertThat(revealed.toString()).doesNotContain(PASSWORD);
    AuditEvent event = audit(AuditEventType.CREDENTIAL_REVEALED).get(0);
    assertThat(event.actor()).contains(OTHER_MEMBER);
    assertThat(event.workspace()).contains(WORKSPACE);
    assertThat(event.detail()).contains("db1").contains("session ").contains("192.0.2.10").doesNotContain(PASSWORD);
  }

  @Test
  void aReaderCannotChangeEntries() {
    Entry added = add("db1", Optional.empty());

    assertThatThrownBy(() -> env.gatehouse.addEntry().add(new AddEntryCommand(reader, details("db2"), Optional.empty())))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("reader");
    assertThatThrownBy(() -> env.gatehouse.removeEntry().remove(new RemoveEntryCommand(reader, added.name(), Optional.empty())))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void everyEntryOperationNeedsALiveSessionOfThatUserForThatWorkspace() {
    add("db1", Optional.empty());
    SecretToken forged = env.ports.tokens().newToken();

    assertThatThrownBy(() -> env.gatehouse.listEntries().list(new ListEntriesQuery(
        new SessionCredentials(MEMBER, WORKSPACE, forged))))
        .isInstanceOf(SessionRequiredException.class).hasMessageContaining("open the workspace first");
    // carol presenting bob's session token
    assertThatThrownBy(() -> env.gatehouse.listEntries().list(new ListEntriesQuery(
        new SessionCredentials(OTHER_MEMBER, WORKSPACE, editor.session()))))
        .isInstanceOf(SessionRequiredException.class);
  }

  @Test
  void aSessionOfOneWorkspaceDoesNotOpenAnother() {
    WorkspaceName other = new WorkspaceName("other");
    env.gatehouse.createWorkspace().create(new CreateWorkspaceCommand(ADMIN, other, WorkspaceDescription.NONE));
    env.gatehouse.addMember().add(new AddMemberCommand(ADMIN, other, MEMBER));

    assertThatThrownBy(() -> env.gatehouse.listEntries().list(new ListEntriesQuery(
        new SessionCredentials(MEMBER, other, editor.session()))))
        .isInstanceOf(SessionRequiredException.class);
  }

  @Test
  void anExpiredSessionNoLongerOpensTheWorkspace() {
    env.clock.advance(Duration.ofHours(9));

    assertThatThrownBy(() -> env.gatehouse.listEntries().list(new ListEntriesQuery(editor)))
        .isInstanceOf(SessionRequiredException.class);
  }

  @Test
  void anOutsiderIsRefusedBeforeAnySessionCheck() {
    assertThatThrownBy(() -> env.gatehouse.listEntries().list(new ListEntriesQuery(
        new SessionCredentials(OUTSIDER, WORKSPACE, editor.session()))))
        .isInstanceOf(AccessDeniedException.class).isNotInstanceOf(SessionRequiredException.class)
        .hasMessageContaining("not a member");
  }

  @Test
  void aStaleVersionIsAConflictAndChangesNothing() {
    Entry added = add("db1", Optional.of(EntrySecret.password(PASSWORD)));
    Entry renamed = env.gatehouse.editEntry().edit(new EditEntryCommand(editor, added.name(), 0,
        details("db1-primary"), SecretChange.KEEP));

    assertThat(renamed.version()).isEqualTo(1);
    assertThatThrownBy(() -> env.gatehouse.editEntry().edit(new EditEntryCommand(editor, renamed.name(), 0,
        details("db1-other"), SecretChange.CLEAR)))
        .isInstanceOf(ConflictException.class).hasMessageContaining("changed it meanwhile");
    assertThat(env.gatehouse.getEntry().get(new GetEntryQuery(reader, new EntryName("db1-primary"))).hasSecret()).isTrue();
  }

  @Test
  void aDuplicateNameIsAConflict() {
    add("db1", Optional.empty());

    assertThatThrownBy(() -> add("db1", Optional.empty())).isInstanceOf(ConflictException.class);
  }

  @Test
  void anUnknownEntryIsNotFound() {
    assertThatThrownBy(() -> env.gatehouse.getEntry().get(new GetEntryQuery(reader, new EntryName("nope"))))
        .isInstanceOf(NotFoundException.class);
    add("nosecret", Optional.empty());
    assertThatThrownBy(() -> env.gatehouse.revealEntry().reveal(new RevealEntryCommand(reader,
        new EntryName("nosecret"), CLIENT)))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("no secret");
  }

  @Test
  void removingAnEntryIsAudited() {
    Entry added = add("db1", Optional.of(EntrySecret.password(PASSWORD)));

    env.gatehouse.removeEntry().remove(new RemoveEntryCommand(editor, added.name(), Optional.of(0L)));

    assertThat(env.gatehouse.listEntries().list(new ListEntriesQuery(reader))).isEmpty();
    assertThat(audit(AuditEventType.ENTRY_REMOVED)).hasSize(1);
  }

  @Test
  void aRevealThatCannotBeAuditedRevealsNothing() {
    add("db1", Optional.of(EntrySecret.password(PASSWORD)));
    env.store.failOnWrite(1);

    assertThatThrownBy(() -> env.gatehouse.revealEntry().reveal(new RevealEntryCommand(reader, new EntryName("db1"), CLIENT)))
        .isInstanceOf(StorageProblemException.class);
    assertThat(audit(AuditEventType.CREDENTIAL_REVEALED)).isEmpty();
  }

  @Test
  void aRevocationThatCommitsAfterTheSessionCheckStillStopsTheReveal() {
    add("db1", Optional.of(EntrySecret.password(PASSWORD)));
    // The session is revoked right after the gate has looked it up, as a revocation committing on
    // another node between the check and the reveal would.
    WorkspaceSessionRepository sessions = env.ports.sessions();
    WorkspaceSessionRepository revokedRightAfterTheCheck = new WorkspaceSessionRepository() {
      @Override
      public void add(WorkspaceSession session) {
        sessions.add(session);
      }

      @Override
      public Optional<WorkspaceSession> find(TokenHash hash) {
        Optional<WorkspaceSession> found = sessions.find(hash);
        found.ifPresent(s -> sessions.revoke(s.id(), env.clock.instant()));
        return found;
      }

      @Override
      public Optional<WorkspaceSession> find(SessionId id) {
        return sessions.find(id);
      }

      @Override
      public Optional<WorkspaceSession> findLatestDuoApproved(WorkspaceId workspace, UserName user) {
        return sessions.findLatestDuoApproved(workspace, user);
      }

      @Override
      public Optional<WorkspaceSession> findLatestDuoApprovedOf(UserName user) {
        return sessions.findLatestDuoApprovedOf(user);
      }

      @Override
      public List<WorkspaceSession> listLive(WorkspaceId workspace, Instant now) {
        return sessions.listLive(workspace, now);
      }

      @Override
      public boolean revoke(SessionId id, Instant at) {
        return sessions.revoke(id, at);
      }

      @Override
      public int revokeAll(WorkspaceId workspace, Optional<UserName> user, Instant at) {
        return sessions.revokeAll(workspace, user, at);
      }

      @Override
      public int revokeAllOf(UserName user, Instant at) {
        return sessions.revokeAllOf(user, at);
      }
    };
    GatehousePorts p = env.ports;
    Gatehouse racing = Gatehouse.assemble(new GatehousePorts(p.users(), p.apiTokens(), p.workspaces(), p.policies(),
        p.deviceChoices(), p.challenges(), revokedRightAfterTheCheck, p.guards(), p.entries(), p.audit(),
        p.unitOfWork(), p.secondFactor(), p.masterKeys(), p.tokens(), p.clock()));

    assertThatThrownBy(() -> racing.revealEntry().reveal(new RevealEntryCommand(reader, new EntryName("db1"), CLIENT)))
        .isInstanceOf(SessionRequiredException.class).hasMessageContaining("ended meanwhile");
    assertThat(audit(AuditEventType.CREDENTIAL_REVEALED)).isEmpty();
  }
}
