package dev.gatehouse.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.challenge.DuoTransactionId;
import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditEventTest {
  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

  @Test
  void builderDefaultsToAnAnonymousSuccessfulEventWithoutDetail() {
    AuditEvent event = AuditEvent.of(AuditEventType.USER_ADDED, NOW).build();

    assertThat(event.at()).isEqualTo(NOW);
    assertThat(event.type()).isEqualTo(AuditEventType.USER_ADDED);
    assertThat(event.actor()).isEmpty();
    assertThat(event.workspace()).isEmpty();
    assertThat(event.subject()).isEmpty();
    assertThat(event.method()).isEmpty();
    assertThat(event.duoTransaction()).isEmpty();
    assertThat(event.outcome()).isEqualTo("ok");
    assertThat(event.detail()).isEmpty();
  }

  @Test
  void builderSetsEveryField() {
    AuditEvent event = AuditEvent.of(AuditEventType.CHALLENGE_DENIED, NOW)
        .actor(new UserName("admin"))
        .workspace(new WorkspaceName("prod"))
        .subject(new UserName("alice"))
        .method(DuoMethod.PUSH)
        .duoTransaction(new DuoTransactionId("tx-1"))
        .outcome("denied")
        .detail("Login request denied.")
        .build();

    assertThat(event).isEqualTo(new AuditEvent(NOW, AuditEventType.CHALLENGE_DENIED,
        Optional.of(new UserName("admin")), Optional.of(new WorkspaceName("prod")),
        Optional.of(new UserName("alice")), Optional.of(DuoMethod.PUSH),
        Optional.of(new DuoTransactionId("tx-1")), "denied", "Login request denied."));
  }

  @Test
  void aNullOptionalFieldStaysEmpty() {
    AuditEvent event = AuditEvent.of(AuditEventType.DUO_CHECKED, NOW).actor(null).build();

    assertThat(event.actor()).isEmpty();
  }

  @Test
  void keepsADetailOfOneThousandCharacters() {
    String detail = "d".repeat(1000);

    assertThat(AuditEvent.of(AuditEventType.DUO_PROBLEM, NOW).detail(detail).build().detail()).isEqualTo(detail);
  }

  @Test
  void truncatesALongerDetailToOneThousandCharacters() {
    String detail = "0123456789".repeat(150);

    assertThat(AuditEvent.of(AuditEventType.DUO_PROBLEM, NOW).detail(detail).build().detail())
        .isEqualTo(detail.substring(0, 1000));
  }

  @Test
  void truncationNeverSplitsACharacterOutsideTheBasicPlane() {
    String detail = "d".repeat(999) + "🙂🙂";

    String kept = AuditEvent.of(AuditEventType.DUO_PROBLEM, NOW).detail(detail).build().detail();

    assertThat(kept).isEqualTo("d".repeat(999));
  }

  @Test
  void stripsOutcomeAndDetail() {
    AuditEvent event = AuditEvent.of(AuditEventType.DUO_PROBLEM, NOW).outcome(" failed ").detail(" timeout\n").build();

    assertThat(event.outcome()).isEqualTo("failed");
    assertThat(event.detail()).isEqualTo("timeout");
  }

  @Test
  void acceptsAnOutcomeOfSixtyFourCharacters() {
    assertThat(AuditEvent.of(AuditEventType.DUO_PROBLEM, NOW).outcome("o".repeat(64)).build().outcome())
        .hasSize(64);
  }

  @Test
  void refusesAnOutcomeOfSixtyFiveCharacters() {
    AuditEvent.Builder builder = AuditEvent.of(AuditEventType.DUO_PROBLEM, NOW).outcome("o".repeat(65));

    assertThatThrownBy(builder::build)
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("outcome must be at most 64 characters");
  }

  @Test
  void refusesAMissingOutcome() {
    AuditEvent.Builder builder = AuditEvent.of(AuditEventType.DUO_PROBLEM, NOW).outcome(null);

    assertThatThrownBy(builder::build)
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("outcome is required");
  }

  @Test
  void refusesAMissingType() {
    assertThatThrownBy(() -> AuditEvent.of(null, NOW).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("type is required");
  }

  @Test
  void refusesAMissingTime() {
    assertThatThrownBy(() -> AuditEvent.of(AuditEventType.DUO_PROBLEM, null).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("at is required");
  }

  @Test
  void refusesANullOptional() {
    assertThatThrownBy(() -> new AuditEvent(NOW, AuditEventType.DUO_PROBLEM, null, Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), "ok", ""))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("actor is required");
  }
}
