package dev.gatehouse.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.port.out.DuplicateEntryException;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserName;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
  default void storesTheFirstAdministratorWhenNoUserExists() {
    User alice = StorageFixtures.anAdministrator("alice");

    assertThat(ports().users().addFirstAdministrator(alice)).isTrue();

    assertThat(ports().users().find(alice.name())).contains(alice);
  }

  @Test
  default void storesNoFirstAdministratorOnceAUserExists() {
    givenUser("alice");

    assertThat(ports().users().addFirstAdministrator(StorageFixtures.anAdministrator("mallory"))).isFalse();

    assertThat(ports().users().find(new UserName("mallory"))).isEmpty();
    assertThat(ports().users().count()).isEqualTo(1);
  }

  @Test
  default void concurrentFirstAdministratorsEndWithExactlyOne() throws Exception {
    int racers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    try {
      for (int i = 0; i < racers; i++) {
        User candidate = StorageFixtures.anAdministrator("admin" + i);
        results.add(pool.submit(() -> {
          start.await();
          return ports().unitOfWork().inTransaction(() -> ports().users().addFirstAdministrator(candidate));
        }));
      }
      start.countDown();
      int stored = 0;
      for (Future<Boolean> result : results) {
        stored += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(stored).isEqualTo(1);
      assertThat(ports().users().count()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  default void refusesADuplicateUserName() {
    givenUser("alice");
    assertThatThrownBy(() -> ports().users().add(StorageFixtures.aUser("alice")))
        .isInstanceOf(DuplicateEntryException.class);
    assertThat(ports().users().count()).isEqualTo(1);
  }

  @Test
  default void listsUsersByNameAndStoresTheDisabledFlag() {
    User bob = givenUser("bob");
    User alice = givenUser("alice");

    ports().users().update(bob.disable());

    assertThat(ports().users().list()).containsExactly(alice, bob.disable());
    assertThat(ports().users().find(bob.name()).orElseThrow().isDisabled()).isTrue();
  }
}
