package dev.gatehouse.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.user.UserName;
import org.junit.jupiter.api.Test;

/** What every {@code UnitOfWork} does: a use case's writes commit or roll back together. */
public interface UnitOfWorkContract extends StorageContract {
  @Test
  default void commitsAllWrites() {
    ports().unitOfWork().inTransaction(() -> {
      givenUser("alice");
      givenUser("bob");
      return null;
    });
    assertThat(ports().users().count()).isEqualTo(2);
  }

  @Test
  default void rollsBackEveryWriteWhenTheWorkFails() {
    assertThatThrownBy(() -> ports().unitOfWork().inTransaction(() -> {
      givenUser("alice");
      givenWorkspace("servers");
      throw new InvalidValueException("test", "fails halfway");
    })).isInstanceOf(InvalidValueException.class);

    assertThat(ports().users().find(new UserName("alice"))).isEmpty();
    assertThat(ports().workspaces().list()).isEmpty();
  }

  @Test
  default void nestedUnitsJoinTheOuterOne() {
    assertThatThrownBy(() -> ports().unitOfWork().inTransaction(() -> {
      ports().unitOfWork().inTransaction(() -> givenUser("alice"));
      throw new InvalidValueException("test", "fails after the inner unit");
    })).isInstanceOf(InvalidValueException.class);

    assertThat(ports().users().count()).isZero();
  }
}
