package dev.gatehouse.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.out.ApiTokenRepository.OwnedToken;
import dev.gatehouse.domain.user.ApiToken;
import dev.gatehouse.domain.user.SecretToken;
import dev.gatehouse.domain.user.TokenHash;
import dev.gatehouse.domain.user.TokenScope;
import dev.gatehouse.domain.user.User;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@code ApiTokenRepository} does. */
public interface ApiTokenRepositoryContract extends StorageContract {
  private ApiToken givenToken(User owner, Instant issuedAt, Set<TokenScope> scopes, Optional<Instant> expiresAt) {
    SecretToken token = ports().tokens().newToken();
    ApiToken stored = ApiToken.issue(ports().tokens().newTokenId(), ports().tokens().hash(token), owner.name(),
        scopes, issuedAt, expiresAt);
    ports().apiTokens().add(stored);
    return stored;
  }

  @Test
  default void findsATokenByItsHashOnly() {
    User alice = givenUser("alice");
    SecretToken token = ports().tokens().newToken();
    TokenHash hash = ports().tokens().hash(token);
    ports().apiTokens().add(ApiToken.issue(ports().tokens().newTokenId(), hash, alice.name(), Set.of(),
        StorageFixtures.T0, Optional.empty()));

    assertThat(ports().apiTokens().find(hash)).hasValueSatisfying(t -> {
      assertThat(t.token().owner()).isEqualTo(alice.name());
      assertThat(t.owner()).as("with its owner, in one look-up").isEqualTo(alice);
    });
    assertThat(ports().apiTokens().find(ports().tokens().hash(ports().tokens().newToken()))).isEmpty();
  }

  @Test
  default void keepsIdScopesAndExpiry() {
    User alice = givenUser("alice");
    ApiToken token = givenToken(alice, StorageFixtures.T0, Set.of(TokenScope.INTROSPECT),
        Optional.of(StorageFixtures.T0.plusSeconds(3600)));

    assertThat(ports().apiTokens().find(token.id())).contains(token);
    assertThat(ports().apiTokens().find(token.hash()).map(OwnedToken::token)).contains(token);
  }

  @Test
  default void listsTokensNewestFirstAndByOwner() {
    User alice = givenUser("alice");
    User bob = givenUser("bob");
    ApiToken older = givenToken(alice, StorageFixtures.T0, Set.of(), Optional.empty());
    ApiToken newer = givenToken(alice, StorageFixtures.T0.plusSeconds(60), Set.of(), Optional.empty());
    ApiToken bobs = givenToken(bob, StorageFixtures.T0.plusSeconds(30), Set.of(), Optional.empty());

    assertThat(ports().apiTokens().list(Optional.of(alice.name()))).containsExactly(newer, older);
    assertThat(ports().apiTokens().list(Optional.empty())).containsExactly(newer, bobs, older);
  }

  @Test
  default void recordsTheLastUse() {
    ApiToken token = givenToken(givenUser("alice"), StorageFixtures.T0, Set.of(), Optional.empty());
    Instant used = StorageFixtures.T0.plusSeconds(90);

    assertThat(ports().apiTokens().touch(token.id(), used)).isTrue();

    assertThat(ports().apiTokens().find(token.id()).orElseThrow().lastUsedAt()).contains(used);
  }

  @Test
  default void revokesOnceAndKeepsTheToken() {
    ApiToken token = givenToken(givenUser("alice"), StorageFixtures.T0, Set.of(), Optional.empty());
    Instant at = StorageFixtures.T0.plusSeconds(60);

    assertThat(ports().apiTokens().revoke(token.id(), at)).isTrue();
    assertThat(ports().apiTokens().revoke(token.id(), at.plusSeconds(1))).isFalse();

    assertThat(ports().apiTokens().find(token.hash()).orElseThrow().token().revokedAt()).contains(at);
  }

  @Test
  default void revokesEveryTokenOfOneOwner() {
    User alice = givenUser("alice");
    User bob = givenUser("bob");
    givenToken(alice, StorageFixtures.T0, Set.of(), Optional.empty());
    givenToken(alice, StorageFixtures.T0.plusSeconds(1), Set.of(), Optional.empty());
    ApiToken bobs = givenToken(bob, StorageFixtures.T0, Set.of(), Optional.empty());

    assertThat(ports().apiTokens().revokeAllOf(alice.name(), StorageFixtures.T0.plusSeconds(5))).isEqualTo(2);

    assertThat(ports().apiTokens().list(Optional.of(alice.name()))).allMatch(t -> t.revokedAt().isPresent());
    assertThat(ports().apiTokens().find(bobs.id()).orElseThrow().revokedAt()).isEmpty();
  }
}
