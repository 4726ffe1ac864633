package dev.gatehouse.application.service;

import static dev.gatehouse.application.service.GatehouseFixtures.MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.OTHER_PHONE;
import static dev.gatehouse.application.service.GatehouseFixtures.PHONE;
import static dev.gatehouse.application.service.GatehouseFixtures.TOKEN;
import static dev.gatehouse.application.service.GatehouseFixtures.aDuoWorkspace;
import static dev.gatehouse.application.service.GatehouseFixtures.aMemberWithActivePush;
import static dev.gatehouse.application.service.GatehouseFixtures.audit;
import static dev.gatehouse.application.service.GatehouseFixtures.choose;
import static dev.gatehouse.application.service.GatehouseFixtures.denied;
import static dev.gatehouse.application.service.GatehouseFixtures.open;
import static dev.gatehouse.application.service.GatehouseFixtures.select;
import static dev.gatehouse.application.service.GatehouseFixtures.workspaceId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.fake.FakeSecondFactorGateway.Operation;
import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.challenge.Denial;
import dev.gatehouse.application.port.in.challenge.DenialCode;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.mfa.DeviceCapability;
import dev.gatehouse.domain.mfa.DuoDevice;
import dev.gatehouse.domain.mfa.DuoMethod;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The chosen device is gone or changed at Duo: the member chooses again, nothing falls back. */
class DeviceDriftTest {

  @Test
  void aChosenDeviceNoLongerListedIsDenied() {
    InMemoryGatehouse env = aMemberWithActivePush();
    env.duo.enrolled(MEMBER.value(), OTHER_PHONE);

    Denial denial = denied(open(env, MEMBER));

    assertThat(denial.code()).isEqualTo(DenialCode.DEVICE_NOT_AVAILABLE);
    assertThat(denial.device()).contains(PHONE.id());
    assertThat(denial.choices()).doesNotContain(PHONE);
  }

  @Test
  void noPushIsSentToAnotherDevice() {
    InMemoryGatehouse env = aMemberWithActivePush();
    long pushes = env.duo.count(Operation.START_AUTH);
    env.duo.enrolled(MEMBER.value(), OTHER_PHONE);

    open(env, MEMBER);

    assertThat(env.duo.count(Operation.START_AUTH)).isEqualTo(pushes);
    assertThat(env.ports.challenges().findOpenDeviceRequest(workspaceId(env), MEMBER)).isEmpty();
  }

  @Test
  void theActiveChoiceIsKeptAsItWas() {
    InMemoryGatehouse env = aMemberWithActivePush();
    env.duo.enrolled(MEMBER.value(), OTHER_PHONE);

    open(env, MEMBER);

    assertThat(env.ports.deviceChoices().find(workspaceId(env), MEMBER).orElseThrow().active())
        .contains(select(PHONE, DuoMethod.PUSH));
  }

  @Test
  void aDeviceThatLostTheChosenMethodIsDenied() {
    InMemoryGatehouse env = aMemberWithActivePush();
    env.duo.enrolled(MEMBER.value(), new DuoDevice(PHONE.id(), "phone", "iOS", Set.of(DeviceCapability.SMS)));

    assertThat(denied(open(env, MEMBER)).code()).isEqualTo(DenialCode.DEVICE_NOT_AVAILABLE);
    assertThat(env.duo.count(Operation.START_AUTH)).isEqualTo(1);
  }

  @Test
  void driftIsAuditedAsADenial() {
    InMemoryGatehouse env = aMemberWithActivePush();
    env.duo.enrolled(MEMBER.value(), OTHER_PHONE);

    open(env, MEMBER);

    assertThat(audit(env, AuditEventType.ACCESS_DENIED)).singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo("device_not_available"));
  }

  @Test
  void choosingADeviceDuoDoesNotListIsDeniedAndStoresNothing() {
    InMemoryGatehouse env = aDuoWorkspace();

    Denial denial = denied(choose(env, MEMBER, select(OTHER_PHONE, DuoMethod.PUSH)));

    assertThat(denial.code()).isEqualTo(DenialCode.DEVICE_NOT_AVAILABLE);
    assertThat(env.ports.deviceChoices().find(workspaceId(env), MEMBER)).isEmpty();
    assertThat(env.duo.count(Operation.START_AUTH)).isZero();
  }

  @Test
  void choosingAMethodTheDeviceCannotDoIsDenied() {
    InMemoryGatehouse env = aDuoWorkspace();
    env.duo.enrolled(MEMBER.value(), TOKEN);

    assertThat(denied(choose(env, MEMBER, select(TOKEN, DuoMethod.PUSH))).code())
        .isEqualTo(DenialCode.DEVICE_NOT_AVAILABLE);
    assertThat(env.duo.count(Operation.START_AUTH)).isZero();
  }
}
