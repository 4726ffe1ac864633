package dev.gatehouse.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.InvalidValueException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiTokenTest {
  private static final TokenHash HASH =
      new TokenHash("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
  private static final TokenId ID = new TokenId("token-0001");

  @Test
  void isActiveUntilItExpiresOrIsRevoked() {
    ApiToken expiring = ApiToken.issue(ID, HASH, new UserName("alice"), Set.of(), NOW,
        Optional.of(NOW.plusSeconds(60)));
    ApiToken revoked = new ApiToken(ID, HASH, new UserName("alice"), Set.of(), NOW, Optional.empty(),
        Optional.empty(), Optional.of(NOW.plusSeconds(1)));

    assertThat(expiring.isActiveAt(NOW.plusSeconds(59))).isTrue();
    assertThat(expiring.isActiveAt(NOW.plusSeconds(60))).isFalse();
    assertThat(revoked.isActiveAt(NOW.plusSeconds(2))).isFalse();
  }

  @Test
  void recordsALastUseAtMostOnceAMinute() {
    ApiToken used = new ApiToken(ID, HASH, new UserName("alice"), Set.of(), NOW, Optional.empty(),
        Optional.of(NOW), Optional.empty());

    assertThat(used.lastUseIsStaleAt(NOW.plusSeconds(59))).isFalse();
    assertThat(used.lastUseIsStaleAt(NOW.plusSeconds(60))).isTrue();
    assertThat(ApiToken.issue(ID, HASH, new UserName("alice"), Set.of(), NOW, Optional.empty())
        .lastUseIsStaleAt(NOW)).isTrue();
  }

  @Test
  void refusesAnExpiryNotAfterIssue() {
    assertThatThrownBy(() -> ApiToken.issue(ID, HASH, new UserName("alice"), Set.of(), NOW, Optional.of(NOW)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("expiresAt must be after issuedAt");
  }

  @Test
  void holdsHashOwnerAndIssueTime() {
    ApiToken token = ApiToken.issue(ID, HASH, new UserName("alice"), Set.of(), NOW, Optional.empty());

    assertThat(token.hash()).isEqualTo(HASH);
    assertThat(token.owner()).isEqualTo(new UserName("alice"));
    assertThat(token.issuedAt()).isEqualTo(NOW);
  }

  @Test
  void refusesAMissingOwner() {
    assertThatThrownBy(() -> ApiToken.issue(ID, HASH, null, Set.of(), NOW, Optional.empty()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("owner is required");
  }
}
