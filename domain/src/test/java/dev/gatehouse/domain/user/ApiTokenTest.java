package dev.gatehouse.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.InvalidValueException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiTokenTest {
  private static final TokenHash HASH =
      new TokenHash("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

  @Test
  void holdsHashOwnerAndIssueTime() {
    ApiToken token = new ApiToken(HASH, new UserName("alice"), NOW);

    assertThat(token.hash()).isEqualTo(HASH);
    assertThat(token.owner()).isEqualTo(new UserName("alice"));
    assertThat(token.issuedAt()).isEqualTo(NOW);
  }

  @Test
  void refusesAMissingOwner() {
    assertThatThrownBy(() -> new ApiToken(HASH, null, NOW))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("owner is required");
  }
}
