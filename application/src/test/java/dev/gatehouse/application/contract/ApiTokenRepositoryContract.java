package dev.gatehouse.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.user.ApiToken;
import dev.gatehouse.domain.user.SecretToken;
import dev.gatehouse.domain.user.TokenHash;
import dev.gatehouse.domain.user.User;
import org.junit.jupiter.api.Test;

/** What every {@code ApiTokenRepository} does. */
public interface ApiTokenRepositoryContract extends StorageContract {
  @Test
  default void findsATokenByItsHashOnly() {
    User alice = givenUser("alice");
    SecretToken token = ports().tokens().newToken();
    TokenHash hash = ports().tokens().hash(token);
    ports().apiTokens().add(new ApiToken(hash, alice.name(), StorageFixtures.T0));

    assertThat(ports().apiTokens().find(hash)).hasValueSatisfying(t -> assertThat(t.owner()).isEqualTo(alice.name()));
    assertThat(ports().apiTokens().find(ports().tokens().hash(ports().tokens().newToken()))).isEmpty();
  }
}
