package dev.gatehouse.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.InvalidValueException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserTest {
  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
  private static final UserName ALICE = new UserName("alice");

  @Test
  void isKnownToDuoByItsNameUnlessToldOtherwise() {
    User user = User.create(ALICE, Role.MEMBER, null, NOW);

    assertThat(user.duoUsername()).isEqualTo(new DuoUsername("alice"));
  }

  @Test
  void isKnownToDuoByItsCanonicalName() {
    User user = User.create(new UserName("Alice"), Role.MEMBER, null, NOW);

    assertThat(user.duoUsername().value()).isEqualTo("alice");
  }

  @Test
  void keepsAnExplicitDuoUsername() {
    User user = User.create(ALICE, Role.MEMBER, new DuoUsername("alice@corp.example"), NOW);

    assertThat(user.duoUsername()).isEqualTo(new DuoUsername("alice@corp.example"));
  }

  @Test
  void administratorIsAnAdministrator() {
    assertThat(User.create(ALICE, Role.ADMINISTRATOR, null, NOW).isAdministrator()).isTrue();
  }

  @Test
  void memberIsNotAnAdministrator() {
    assertThat(User.create(ALICE, Role.MEMBER, null, NOW).isAdministrator()).isFalse();
  }

  @Test
  void restoreRefusesAMissingDuoUsername() {
    assertThatThrownBy(() -> User.restore(ALICE, Role.MEMBER, null, NOW))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("duoUsername is required");
  }

  @Test
  void createRefusesAMissingRole() {
    assertThatThrownBy(() -> User.create(ALICE, null, null, NOW))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("role is required");
  }

  @Test
  void restoredUserEqualsTheCreatedOne() {
    User created = User.create(ALICE, Role.MEMBER, null, NOW);

    assertThat(User.restore(ALICE, Role.MEMBER, new DuoUsername("alice"), NOW))
        .isEqualTo(created)
        .hasSameHashCodeAs(created);
  }

  @Test
  void usersWithDifferentRolesDiffer() {
    assertThat(User.create(ALICE, Role.MEMBER, null, NOW))
        .isNotEqualTo(User.create(ALICE, Role.ADMINISTRATOR, null, NOW));
  }

  @Test
  void toStringShowsNameAndRole() {
    assertThat(User.create(ALICE, Role.MEMBER, null, NOW)).hasToString("User[alice, MEMBER]");
  }
}
