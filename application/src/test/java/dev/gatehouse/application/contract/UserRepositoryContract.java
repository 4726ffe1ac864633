package dev.gatehouse.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.port.out.DuplicateEntryException;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserName;
import org.junit.jupiter.api.Test;

/** What every {@code UserRepository} does. */
public interface UserRepositoryContract extends StorageContract {
  @Test
  default void storesAndFindsUsersByName() {
    User alice = StorageFixtures.anAdministrator("alice");
    ports().users().add(alice);
    assertThat(ports().users().find(new UserName("alice"))).contains(alice);
    assertThat(ports().users().find(new UserName("nobody"))).isEmpty();
  }

  @Test
  default void countsUsers() {
    assertThat(ports().users().count()).isZero();
    givenUser("alice");
    givenUser("bob");
    assertThat(ports().users().count()).isEqualTo(2);
  }

  @Test
  default void refusesADuplicateUserName() {
    givenUser("alice");
    assertThatThrownBy(() -> ports().users().add(StorageFixtures.aUser("alice")))
        .isInstanceOf(DuplicateEntryException.class);
    assertThat(ports().users().count()).isEqualTo(1);
  }
}
