package dev.gatehouse.domain.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.user.TokenHash;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkspaceSessionTest {
  private static final TokenHash HASH =
      new TokenHash("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
  private static final WorkspaceId WORKSPACE = new WorkspaceId("ws-00000001");
  private static final UserName ALICE = new UserName("alice");
  private static final SessionId ID = new SessionId("session-0001");
  private static final Instant CREATED = Instant.parse("2025-03-01T10:00:00Z");
  private static final Instant EXPIRES = CREATED.plus(Duration.ofHours(8));

  private static WorkspaceSession aSession() {
    return WorkspaceSession.open(ID, HASH, WORKSPACE, ALICE, GrantKind.DUO_APPROVED, CREATED, EXPIRES);
  }

  @Test
  void isLiveUntilRevoked() {
    WorkspaceSession revoked = new WorkspaceSession(ID, HASH, WORKSPACE, ALICE, GrantKind.DUO_APPROVED,
        CREATED, EXPIRES, Optional.of(CREATED.plusSeconds(60)));

    assertThat(aSession().isLiveAt(CREATED.plusSeconds(120))).isTrue();
    assertThat(revoked.isLiveAt(CREATED.plusSeconds(120))).isFalse();
    assertThat(revoked.isValidAt(CREATED.plusSeconds(120))).isTrue();
  }

  @Test
  void isNotLiveOnceExpired() {
    assertThat(aSession().isLiveAt(EXPIRES)).isFalse();
  }

  @Test
  void isValidWhenCreated() {
    assertThat(aSession().isValidAt(CREATED)).isTrue();
  }

  @Test
  void isValidJustBeforeItExpires() {
    assertThat(aSession().isValidAt(EXPIRES.minusNanos(1))).isTrue();
  }

  @Test
  void isNoLongerValidAtItsExpiry() {
    assertThat(aSession().isValidAt(EXPIRES)).isFalse();
  }

  @Test
  void isNoLongerValidAfterItsExpiry() {
    assertThat(aSession().isValidAt(EXPIRES.plusSeconds(1))).isFalse();
  }

  @Test
  void refusesAnExpiryEqualToItsCreation() {
    assertThatThrownBy(() -> WorkspaceSession.open(ID, HASH, WORKSPACE, ALICE, GrantKind.NO_MFA, CREATED, CREATED))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("expiresAt must be after createdAt");
  }

  @Test
  void refusesAnExpiryBeforeItsCreation() {
    assertThatThrownBy(() -> WorkspaceSession.open(ID,
        HASH, WORKSPACE, ALICE, GrantKind.NO_MFA, CREATED, CREATED.minusSeconds(1)))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void refusesAMissingGrantKind() {
    assertThatThrownBy(() -> WorkspaceSession.open(ID, HASH, WORKSPACE, ALICE, null, CREATED, EXPIRES))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("grantKind is required");
  }

  @Test
  void refusesAMissingTokenHash() {
    assertThatThrownBy(() -> WorkspaceSession.open(ID, null, WORKSPACE, ALICE, GrantKind.NO_MFA, CREATED, EXPIRES))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("tokenHash is required");
  }
}
