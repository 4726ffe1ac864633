package dev.gatehouse.adapter.duo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.mfa.ApiHostname;
import dev.gatehouse.domain.mfa.DuoSecretKey;
import dev.gatehouse.domain.mfa.DuoSettings;
import dev.gatehouse.domain.mfa.IntegrationKey;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The gateway's client cache, without any call to Duo (building a client does no I/O). */
class DuoSecondFactorGatewayTest {
  private static final String SECRET = "S".repeat(40);

  private static DuoSettings settings(int n) {
    return new DuoSettings(new ApiHostname("api-cache.duosecurity.com"),
        new IntegrationKey(String.format("DI%018d", n)), new DuoSecretKey(SECRET));
  }

  private static DuoSecondFactorGateway gateway() {
    return new DuoSecondFactorGateway(DuoConfig.defaults(), Clock.systemUTC(), DuoBackoff.official(), null);
  }

  @Test
  void keepsABoundedNumberOfClientsHoweverManyKeysAreTried() {
    DuoSecondFactorGateway gateway = gateway();

    for (int i = 0; i < 1000; i++) {
      gateway.clockSkew(settings(i));
    }

    assertThat(gateway.cachedClients()).isEqualTo(256);
  }

  @Test
  void evictsTheLeastRecentlyUsedClientFirst() {
    DuoSecondFactorGateway gateway = gateway();
    gateway.clockSkew(settings(0));
    for (int i = 1; i < 1000; i++) {
      gateway.clockSkew(settings(i));
      gateway.clockSkew(settings(0));
    }

    assertThat(gateway.caches(settings(0))).isTrue();
    assertThat(gateway.caches(settings(999))).isTrue();
    assertThat(gateway.caches(settings(1))).isFalse();
  }
}
