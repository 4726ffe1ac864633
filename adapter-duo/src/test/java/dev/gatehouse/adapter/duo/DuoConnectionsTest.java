package dev.gatehouse.adapter.duo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.mfa.ApiHostname;
import dev.gatehouse.domain.mfa.DuoSecretKey;
import dev.gatehouse.domain.mfa.DuoSettings;
import dev.gatehouse.domain.mfa.IntegrationKey;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The client cache, without any call to Duo (building a client does no I/O). */
class DuoConnectionsTest {
  private static final String SECRET = "S".repeat(40);

  private static DuoSettings settings(int n) {
    return new DuoSettings(new ApiHostname("api-cache.duosecurity.com"),
        new IntegrationKey(String.format("DI%018d", n)), new DuoSecretKey(SECRET));
  }

  private static DuoConnections connections() {
    return new DuoConnections(DuoConfig.defaults(), Clock.systemUTC(), DuoBackoff.official(), null,
        DuoRequestListener.NONE);
  }

  @Test
  void keepsABoundedNumberOfClientsHoweverManyKeysAreTried() {
    DuoConnections connections = connections();

    for (int i = 0; i < 1000; i++) {
      connections.clockSkew(settings(i));
    }

    assertThat(connections.cachedClients()).isEqualTo(256);
  }

  @Test
  void evictsTheLeastRecentlyUsedClientFirst() {
    DuoConnections connections = connections();
    connections.clockSkew(settings(0));
    for (int i = 1; i < 1000; i++) {
      connections.clockSkew(settings(i));
      connections.clockSkew(settings(0));
    }

    assertThat(connections.caches(settings(0))).isTrue();
    assertThat(connections.caches(settings(999))).isTrue();
    assertThat(connections.caches(settings(1))).isFalse();
  }
}
