package dev.gatehouse.domain.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.IllegalTransitionException;
import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceChoiceTest {
  private static final WorkspaceId WORKSPACE = new WorkspaceId("ws-00000001");
  private static final UserName ALICE = new UserName("alice");
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private static final Instant T1 = T0.plusSeconds(60);
  private static final Instant T2 = T0.plusSeconds(120);
  private static final DeviceSelection PHONE_PUSH =
      new DeviceSelection(new DeviceId("DPFZRS9FB0D46QFTM891"), DuoMethod.PUSH);
  private static final DeviceSelection PHONE_SMS =
      new DeviceSelection(new DeviceId("DPFZRS9FB0D46QFTM891"), DuoMethod.SMS);
  private static final DeviceSelection TOKEN =
      new DeviceSelection(new DeviceId("DTOKEN0001"), DuoMethod.PASSCODE);

  private static DeviceChoice activeWith(DeviceSelection selection) {
    return DeviceChoice.restore(WORKSPACE, ALICE, Optional.of(selection), Optional.empty(), T0);
  }

  @Test
  void aFirstChoiceIsPendingOnly() {
    DeviceChoice choice = DeviceChoice.create(WORKSPACE, ALICE, PHONE_PUSH, T0);

    assertThat(choice.pending()).contains(PHONE_PUSH);
    assertThat(choice.active()).isEmpty();
    assertThat(choice.updatedAt()).isEqualTo(T0);
  }

  @Test
  void createRefusesAMissingSelection() {
    assertThatThrownBy(() -> DeviceChoice.create(WORKSPACE, ALICE, null, T0))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("selection is required");
  }

  @Test
  void choosingKeepsTheActiveSelectionInUse() {
    DeviceChoice choice = activeWith(PHONE_PUSH).choose(TOKEN, T1);

    assertThat(choice.active()).contains(PHONE_PUSH);
    assertThat(choice.pending()).contains(TOKEN);
    assertThat(choice.updatedAt()).isEqualTo(T1);
  }

  @Test
  void choosingAgainReplacesThePendingSelection() {
    DeviceChoice choice = DeviceChoice.create(WORKSPACE, ALICE, PHONE_PUSH, T0).choose(PHONE_SMS, T1);

    assertThat(choice.pending()).contains(PHONE_SMS);
    assertThat(choice.active()).isEmpty();
  }

  @Test
  void choosingLeavesTheOriginalUnchanged() {
    DeviceChoice original = activeWith(PHONE_PUSH);

    original.choose(TOKEN, T1);

    assertThat(original.pending()).isEmpty();
  }

  @Test
  void choosingRefusesAMissingSelection() {
    assertThatThrownBy(() -> activeWith(PHONE_PUSH).choose(null, T1))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void activatingThePendingSelectionMakesItActive() {
    DeviceChoice choice = activeWith(PHONE_PUSH).choose(TOKEN, T1).activate(TOKEN, T2);

    assertThat(choice.active()).contains(TOKEN);
    assertThat(choice.pending()).isEmpty();
    assertThat(choice.updatedAt()).isEqualTo(T2);
  }

  @Test
  void activatingAFirstChoiceMakesItActive() {
    DeviceChoice choice = DeviceChoice.create(WORKSPACE, ALICE, PHONE_PUSH, T0).activate(PHONE_PUSH, T1);

    assertThat(choice.active()).contains(PHONE_PUSH);
    assertThat(choice.pending()).isEmpty();
  }

  @Test
  void refusesToActivateASelectionThatIsNotPending() {
    DeviceChoice choice = activeWith(PHONE_PUSH).choose(TOKEN, T1);

    assertThatThrownBy(() -> choice.activate(PHONE_SMS, T2)).isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void refusesToActivateTheSameDeviceWithAnotherMethod() {
    DeviceChoice choice = DeviceChoice.create(WORKSPACE, ALICE, PHONE_PUSH, T0);

    assertThatThrownBy(() -> choice.activate(PHONE_SMS, T1)).isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void refusesToActivateWhenNothingIsPending() {
    DeviceChoice choice = activeWith(PHONE_PUSH);

    assertThatThrownBy(() -> choice.activate(PHONE_PUSH, T1)).isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void refusesToActivateASelectionTwice() {
    DeviceChoice activated = DeviceChoice.create(WORKSPACE, ALICE, PHONE_PUSH, T0).activate(PHONE_PUSH, T1);

    assertThatThrownBy(() -> activated.activate(PHONE_PUSH, T2)).isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void restoreRefusesAChoiceWithNeitherActiveNorPending() {
    assertThatThrownBy(() -> DeviceChoice.restore(WORKSPACE, ALICE, Optional.empty(), Optional.empty(), T0))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("deviceChoice must hold an active or a pending selection");
  }

  @Test
  void restoreKeepsBothSelections() {
    DeviceChoice choice = DeviceChoice.restore(WORKSPACE, ALICE, Optional.of(PHONE_PUSH), Optional.of(TOKEN), T0);

    assertThat(choice.active()).contains(PHONE_PUSH);
    assertThat(choice.pending()).contains(TOKEN);
  }

  @Test
  void restoredChoiceEqualsTheOneItWasSavedFrom() {
    DeviceChoice choice = activeWith(PHONE_PUSH).choose(TOKEN, T1);

    assertThat(DeviceChoice.restore(WORKSPACE, ALICE, choice.active(), choice.pending(), T1))
        .isEqualTo(choice)
        .hasSameHashCodeAs(choice);
  }

  @Test
  void choicesOfDifferentUsersDiffer() {
    assertThat(DeviceChoice.create(WORKSPACE, ALICE, PHONE_PUSH, T0))
        .isNotEqualTo(DeviceChoice.create(WORKSPACE, new UserName("bob"), PHONE_PUSH, T0));
  }
}
