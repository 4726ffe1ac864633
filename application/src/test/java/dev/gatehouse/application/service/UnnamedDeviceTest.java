package dev.gatehouse.application.service;

import static dev.gatehouse.application.service.GatehouseFixtures.CLIENT;
import static dev.gatehouse.application.service.GatehouseFixtures.MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.OTHER_PHONE;
import static dev.gatehouse.application.service.GatehouseFixtures.PHONE;
import static dev.gatehouse.application.service.GatehouseFixtures.TOKEN;
import static dev.gatehouse.application.service.GatehouseFixtures.WORKSPACE;
import static dev.gatehouse.application.service.GatehouseFixtures.aDuoWorkspace;
import static dev.gatehouse.application.service.GatehouseFixtures.denied;
import static dev.gatehouse.application.service.GatehouseFixtures.select;
import static dev.gatehouse.application.service.GatehouseFixtures.verifying;
import static dev.gatehouse.application.service.GatehouseFixtures.workspaceId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.fake.FakeSecondFactorGateway.Operation;
import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.challenge.ChooseDuoDeviceCommand;
import dev.gatehouse.application.port.in.challenge.ChooseDuoDeviceResult;
import dev.gatehouse.application.port.in.challenge.Denial;
import dev.gatehouse.application.port.in.challenge.DenialCode;
import dev.gatehouse.domain.mfa.DuoMethod;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Choosing without naming a device: the one device that can do the method is chosen for the member. */
class UnnamedDeviceTest {

  private static ChooseDuoDeviceResult chooseUnnamed(InMemoryGatehouse env, DuoMethod method) {
    return env.gatehouse.chooseDuoDevice().choose(
        new ChooseDuoDeviceCommand(MEMBER, WORKSPACE, Optional.empty(), method, CLIENT));
  }

  @Test
  void choosesTheOnlyDeviceThatCanDoTheMethod() {
    InMemoryGatehouse env = aDuoWorkspace();
    env.duo.enrolled(MEMBER.value(), PHONE, TOKEN);

    ChooseDuoDeviceResult result = chooseUnnamed(env, DuoMethod.PUSH);

    assertThat(verifying(result).selection()).isEqualTo(select(PHONE, DuoMethod.PUSH));
    assertThat(env.ports.deviceChoices().find(workspaceId(env), MEMBER).orElseThrow().pending())
        .contains(select(PHONE, DuoMethod.PUSH));
    assertThat(env.duo.count(Operation.START_AUTH)).isEqualTo(1);
  }

  @Test
  void refusesSeveralCapableDevicesListingThem() {
    InMemoryGatehouse env = aDuoWorkspace();
    env.duo.enrolled(MEMBER.value(), PHONE, OTHER_PHONE);

    Denial denial = denied(chooseUnnamed(env, DuoMethod.PUSH));

    assertThat(denial.code()).isEqualTo(DenialCode.DEVICE_REQUIRED);
    assertThat(denial.method()).contains(DuoMethod.PUSH);
    assertThat(denial.choices()).containsExactlyInAnyOrder(PHONE, OTHER_PHONE);
    assertThat(env.duo.count(Operation.START_AUTH)).isZero();
    assertThat(env.ports.deviceChoices().find(workspaceId(env), MEMBER)).isEmpty();
  }

  @Test
  void refusesWhenNoDeviceCanDoTheMethod() {
    InMemoryGatehouse env = aDuoWorkspace();
    env.duo.enrolled(MEMBER.value(), TOKEN);

    Denial denial = denied(chooseUnnamed(env, DuoMethod.PUSH));

    assertThat(denial.code()).isEqualTo(DenialCode.DEVICE_NOT_AVAILABLE);
    assertThat(denial.method()).contains(DuoMethod.PUSH);
    assertThat(denial.device()).isEmpty();
    assertThat(denial.choices()).isEmpty();
  }
}
