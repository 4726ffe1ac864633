package dev.gatehouse.domain.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntryTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final UserName BOB = new UserName("bob");
  private static final UserName CAROL = new UserName("carol");

  private static EntryDetails details(String host) {
    return EntryDetails.of(new EntryName("db1"), EntryKind.SSH, host, Optional.of(22), Optional.of("root"),
        Optional.empty(), Optional.of("ssh://db1.corp.example"), "notes", Set.of(new EntryTag("prod")));
  }

  private static Entry anEntry() {
    return Entry.create(new EntryId("entry-0001"), new WorkspaceId("ws-00000001"), details("db1.corp.example"),
        Optional.of(SecretKind.PASSWORD), BOB, NOW);
  }

  @Test
  void anEditKeepsTheVersionUntilStoredAndTracksWhoChangedIt() {
    Entry edited = anEntry().edit(details("db2.corp.example"), SecretChange.KEEP, CAROL, NOW.plusSeconds(5));

    assertThat(edited.version()).isZero();
    assertThat(edited.nextVersion().version()).isEqualTo(1);
    assertThat(edited.createdBy()).isEqualTo(BOB);
    assertThat(edited.updatedBy()).isEqualTo(CAROL);
    assertThat(edited.updatedAt()).isEqualTo(NOW.plusSeconds(5));
    assertThat(edited.secret()).contains(SecretKind.PASSWORD);
  }

  @Test
  void anEditReplacesOrClearsTheSecretKind() {
    Entry entry = anEntry();

    assertThat(entry.edit(entry.details(), new SecretChange.Replace(EntrySecret.privateKey("key")), BOB, NOW).secret())
        .contains(SecretKind.PRIVATE_KEY);
    assertThat(entry.edit(entry.details(), SecretChange.CLEAR, BOB, NOW).hasSecret()).isFalse();
  }

  @Test
  void printsNoSecretAndNoNotes() {
    assertThat(anEntry()).hasToString("Entry[db1, ssh, v0]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "two words", "a/b", "back\\slash", "tab\there"})
  void refusesHostsThatAreNoHost(String host) {
    assertThatThrownBy(() -> details(host)).isInstanceOf(InvalidValueException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 65536, 100000})
  void refusesPortsOutOfRange(int port) {
    assertThatThrownBy(() -> EntryDetails.of(new EntryName("db1"), EntryKind.RDP, "h", Optional.of(port),
        Optional.empty(), Optional.empty(), Optional.empty(), "", Set.of()))
        .isInstanceOf(InvalidValueException.class).hasMessage("port must be between 1 and 65535");
  }

  @ParameterizedTest
  @ValueSource(strings = {"db1.corp.example", "10.0.0.5", "[fe80::1]", "SERVER01"})
  void acceptsHostNamesAndAddresses(String host) {
    assertThat(details(host).host()).isEqualTo(host);
  }

  @Test
  void refusesARelativeUrl() {
    assertThatThrownBy(() -> EntryDetails.of(new EntryName("web"), EntryKind.WEB, "h", Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.of("/login"), "", Set.of()))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("url must be an absolute URL");
  }

  @Test
  void boundsNotesInBytes() {
    String accented = "é".repeat(2049); // 4,098 UTF-8 bytes
    assertThatThrownBy(() -> EntryDetails.of(new EntryName("n"), EntryKind.OTHER, "h", Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), accented, Set.of()))
        .isInstanceOf(InvalidValueException.class).hasMessage("notes must be at most 4096 bytes");
    assertThat(EntryDetails.of(new EntryName("n"), EntryKind.OTHER, "h", Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), "line one\nline two\ttabbed", Set.of()).notes()).contains("\n");
  }

  @Test
  void refusesControlCharactersInNotesButLineBreaks() {
    assertThatThrownBy(() -> EntryDetails.of(new EntryName("n"), EntryKind.OTHER, "h", Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), "bell\u0007", Set.of()))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void boundsTheNumberOfTagsAndSortsThem() {
    Set<EntryTag> many = IntStream.range(0, 21).mapToObj(i -> new EntryTag("t" + i)).collect(Collectors.toSet());
    assertThatThrownBy(() -> EntryDetails.of(new EntryName("n"), EntryKind.OTHER, "h", Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), "", many))
        .isInstanceOf(InvalidValueException.class).hasMessage("tags must be at most 20");
    assertThat(EntryDetails.of(new EntryName("n"), EntryKind.OTHER, "h", Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), "", Set.of(new EntryTag("b"), new EntryTag("a"))).tags())
        .extracting(EntryTag::value).containsExactly("a", "b");
  }

  @Test
  void blankOptionalFieldsAreAbsent() {
    EntryDetails details = EntryDetails.of(new EntryName("n"), EntryKind.OTHER, " h ", Optional.empty(),
        Optional.of("  "), Optional.of(""), Optional.empty(), "", Set.of());
    assertThat(details.host()).isEqualTo("h");
    assertThat(details.username()).isEmpty();
    assertThat(details.domain()).isEmpty();
  }

  @Test
  void kindsParseFromTheirWireNamesOnly() {
    for (EntryKind kind : EntryKind.values()) {
      assertThat(EntryKind.fromWireName(kind.wireName())).isEqualTo(kind);
    }
    assertThatThrownBy(() -> EntryKind.fromWireName("RDP")).hasMessage("must be one of rdp, ssh, vnc, web, database, other");
  }

  @Test
  void secretsNeverPrintThemselves() {
    EntrySecret secret = EntrySecret.password("hunter2-unique");
    assertThat(secret.toString()).doesNotContain("hunter2");
    assertThat(secret.reveal()).isEqualTo("hunter2-unique");
    assertThat(new SecretChange.Replace(secret).toString()).doesNotContain("hunter2");
  }

  @Test
  void boundsSecretsBySize() {
    assertThatThrownBy(() -> EntrySecret.privateKey("k".repeat(16 * 1024 + 1)))
        .isInstanceOf(InvalidValueException.class).hasMessage("privateKey must be at most 16384 bytes");
    assertThat(EntrySecret.privateKey("k".repeat(16 * 1024)).kind()).isEqualTo(SecretKind.PRIVATE_KEY);
    assertThatThrownBy(() -> EntrySecret.password("")).hasMessage("password must not be empty");
    assertThatThrownBy(() -> EntrySecret.password("two\nlines")).hasMessage("password must be one line");
  }

  @Test
  void secretErrorsNeverEchoTheValue() {
    Random random = new Random(42);
    for (int i = 0; i < 200; i++) {
      String value = random.ints(20, 0, 0x3000).mapToObj(Character::toString).collect(Collectors.joining())
          + "\n" + "x".repeat(random.nextInt(2000));
      try {
        EntrySecret.password(value);
      } catch (InvalidValueException e) {
        assertThat(e.getMessage()).doesNotContain(value.substring(0, 20));
      }
    }
  }

  @Test
  void entryNamesFollowWorkspaceNameRules() {
    assertThat(new EntryName(" db-1.prod ").value()).isEqualTo("db-1.prod");
    assertThatThrownBy(() -> new EntryName("-db")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new EntryName("a".repeat(65))).isInstanceOf(InvalidValueException.class);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"PT59S", "PT24H0.5S", "PT24H1S", "PT0S", "PT1M0.5S"})
  void aStepUpIsOneMinuteToTwentyFourHoursInWholeSeconds(String text) {
    assertThatThrownBy(() -> new StepUp(java.time.Duration.parse(text)))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("stepUp");
  }

  @Test
  void detailsCarryAStepUpOrNone() {
    EntryDetails plain = details("db1.corp.example");
    EntryDetails guarded = plain.withStepUp(Optional.of(new StepUp(java.time.Duration.ofMinutes(5))));

    assertThat(plain.stepUp()).isEmpty();
    assertThat(guarded.stepUp()).map(StepUp::toString).contains("PT5M");
    assertThat(new StepUp(java.time.Duration.ofHours(24)).maxAge()).isEqualTo(StepUp.MAX);
    assertThat(guarded.withStepUp(Optional.empty())).isEqualTo(plain);
  }
}
