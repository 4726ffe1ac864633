package dev.gatehouse.domain.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.InvalidValueException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class DuoDeviceTest {
  private static final DeviceId ID = new DeviceId("DPFZRS9FB0D46QFTM891");

  private static DuoDevice phoneWith(Set<DeviceCapability> capabilities) {
    return new DuoDevice(ID, "phone", "iOS (XXX-XXX-0100)", capabilities);
  }

  @ParameterizedTest(name = "{0} with only {1}: supports = {2}")
  @MethodSource("singleCapabilityMatrix")
  void supportsAMethodExactlyWhenItHasTheMatchingCapability(DuoMethod method, DeviceCapability capability,
      boolean expected) {
    assertThat(phoneWith(Set.of(capability)).supports(method)).isEqualTo(expected);
  }

  static Stream<Arguments> singleCapabilityMatrix() {
    Stream.Builder<Arguments> rows = Stream.builder();
    for (DuoMethod method : DuoMethod.values()) {
      for (DeviceCapability capability : DeviceCapability.values()) {
        boolean expected = switch (method) {
          case PUSH -> capability == DeviceCapability.PUSH;
          case SMS -> capability == DeviceCapability.SMS;
          case PHONE -> capability == DeviceCapability.PHONE;
          case PASSCODE -> capability == DeviceCapability.MOBILE_OTP;
        };
        rows.add(Arguments.of(method, capability, expected));
      }
    }
    return rows.build();
  }

  @ParameterizedTest
  @EnumSource(DuoMethod.class)
  void aPhoneWithEveryCapabilitySupportsEveryMethod(DuoMethod method) {
    assertThat(phoneWith(EnumSet.allOf(DeviceCapability.class)).supports(method)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(DuoMethod.class)
  void aPhoneWithoutCapabilitiesSupportsNothing(DuoMethod method) {
    assertThat(phoneWith(Set.of()).supports(method)).isFalse();
  }

  @Test
  void aHardwareTokenWithoutCapabilitiesSupportsPasscodes() {
    assertThat(new DuoDevice(ID, "token", "Token 123456", Set.of()).supports(DuoMethod.PASSCODE)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(value = DuoMethod.class, names = {"PUSH", "SMS", "PHONE"})
  void aHardwareTokenSupportsNothingButPasscodes(DuoMethod method) {
    assertThat(new DuoDevice(ID, "token", "Token 123456", Set.of()).supports(method)).isFalse();
  }

  @Test
  void autoAloneSupportsNoExplicitMethod() {
    DuoDevice device = phoneWith(Set.of(DeviceCapability.AUTO));

    assertThat(DuoMethod.values()).noneMatch(device::supports);
  }

  @Test
  void stripsTypeAndDisplayName() {
    DuoDevice device = new DuoDevice(ID, " token ", "  My token ", Set.of());

    assertThat(device.type()).isEqualTo("token");
    assertThat(device.displayName()).isEqualTo("My token");
  }

  @Test
  void acceptsADisplayNameOfTwoHundredCharacters() {
    assertThat(new DuoDevice(ID, "phone", "n".repeat(200), Set.of()).displayName()).hasSize(200);
  }

  @Test
  void truncatesALongerDisplayNameFromDuoInsteadOfRefusingTheDevice() {
    assertThat(new DuoDevice(ID, "phone", "n".repeat(201), Set.of()).displayName()).hasSize(200);
  }

  @Test
  void replacesControlCharactersInLabelsSoTheyCannotDriveATerminal() {
    DuoDevice device = new DuoDevice(ID, "ph\u001bone", "iPhone\u001b[2J (XXX-XXX-4788)", Set.of());

    assertThat(device.displayName()).isEqualTo("iPhone [2J (XXX-XXX-4788)").doesNotContain("\u001b");
    assertThat(device.type()).isEqualTo("ph one");
  }

  @Test
  void refusesMissingCapabilities() {
    assertThatThrownBy(() -> new DuoDevice(ID, "phone", "iPhone", null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("capabilities is required");
  }

  @Test
  void refusesAMissingId() {
    assertThatThrownBy(() -> new DuoDevice(null, "phone", "iPhone", Set.of()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("device is required");
  }

  @Test
  void keepsItsOwnCopyOfTheCapabilities() {
    Set<DeviceCapability> given = new HashSet<>(Set.of(DeviceCapability.SMS));
    DuoDevice device = phoneWith(given);

    given.add(DeviceCapability.PUSH);

    assertThat(device.supports(DuoMethod.PUSH)).isFalse();
  }

  @Test
  void capabilitiesCannotBeModifiedFromOutside() {
    DuoDevice device = phoneWith(Set.of(DeviceCapability.SMS));

    assertThatThrownBy(() -> device.capabilities().add(DeviceCapability.PUSH))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
