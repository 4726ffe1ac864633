package dev.gatehouse.adapter.duo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import dev.gatehouse.application.port.out.SecondFactorGateway;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The module wires the gateway with explicit bindings only, and is the adapter's only public face. */
class DuoModuleTest {

  private static Injector injector(Stage stage) {
    return Guice.createInjector(stage, new AbstractModule() {
      @Override
      protected void configure() {
        binder().requireExplicitBindings();
        install(new DuoModule(DuoConfig.defaults().withCaFile(Path.of("/nonexistent/ca.pem"))));
      }
    });
  }

  @Test
  void bindsTheGatewayInToolStage() {
    assertThat(injector(Stage.TOOL).getBinding(Key.get(SecondFactorGateway.class))).isNotNull();
  }

  @Test
  void buildsTheGatewayWithoutIo() {
    // A missing CA file is only read on the first call to Duo, never while wiring.
    SecondFactorGateway gateway = injector(Stage.PRODUCTION).getInstance(SecondFactorGateway.class);

    assertThat(gateway).isInstanceOf(DuoSecondFactorGateway.class);
    assertThat(injector(Stage.PRODUCTION).getInstance(SecondFactorGateway.class)).isNotNull();
  }

  @Test
  void exposesOnlyTheModuleAndItsConfiguration() throws Exception {
    List<String> classes = List.of("DuoAuthApi", "DuoApiException", "DuoAuthResponse", "DuoBackoff", "DuoBodyEncoder",
        "DuoCanonical", "DuoConfigurationException", "DuoConnections", "DuoErrorDecoder", "DuoErrors",
        "DuoHttpClient", "DuoParams", "DuoPreauthResponse", "DuoProtocolException", "DuoRedirectException",
        "DuoResponseDecoder", "DuoSecondFactorGateway", "DuoSignatureScheme", "DuoSigner", "DuoSigningInterceptor",
        "DuoSleeper", "DuoTime", "DuoTls", "DuoTransport", "DuoWireLogger");
    for (String name : classes) {
      Class<?> type = Class.forName("dev.gatehouse.adapter.duo." + name);
      assertThat(Modifier.isPublic(type.getModifiers())).as(name).isFalse();
    }
    assertThat(Modifier.isPublic(DuoModule.class.getModifiers())).isTrue();
    assertThat(Modifier.isPublic(DuoConfig.class.getModifiers())).isTrue();
    assertThat(Arrays.stream(DuoModule.class.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers())))
        .isEmpty();
  }

  @Test
  void defaultsMatchTheIssue() {
    DuoConfig defaults = DuoConfig.defaults();

    assertThat(defaults.signature()).isEqualTo(DuoConfig.Signature.V2_HMAC_SHA512);
    assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(defaults.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(defaults.syncAuthTimeout()).isGreaterThanOrEqualTo(DuoConfig.DUO_HOLD);
    assertThat(defaults.caFile()).isEmpty();
    assertThat(defaults.httpProxy()).isEmpty();
    assertThat(defaults.ioThreads()).isEqualTo(4);
    assertThat(defaults.callbackThreads()).isEqualTo(8);
    assertThat(defaults.backoffBudget()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void boundsTheBackoffBudget() {
    assertThat(DuoConfig.defaults().withBackoffBudget(Duration.ZERO).backoffBudget()).isZero();
    assertThatThrownBy(() -> DuoConfig.defaults().withBackoffBudget(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backoffBudget");
    assertThatThrownBy(() -> DuoConfig.defaults().withBackoffBudget(Duration.ofMinutes(6)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backoffBudget");
  }

  @Test
  void boundsTheCallbackThreads() {
    assertThat(DuoConfig.defaults().withCallbackThreads(32).callbackThreads()).isEqualTo(32);
    assertThatThrownBy(() -> DuoConfig.defaults().withCallbackThreads(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callbackThreads");
    assertThatThrownBy(() -> DuoConfig.defaults().withCallbackThreads(257))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callbackThreads");
  }

  @Test
  void refusesASynchronousAuthTimeoutShorterThanDuosHold() {
    DuoConfig d = DuoConfig.defaults();

    assertThatThrownBy(() -> new DuoConfig(d.signature(), d.connectTimeout(), d.requestTimeout(),
        Duration.ofSeconds(30), d.caFile(), d.httpProxy(), true, 4, 8, d.backoffBudget()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("syncAuthTimeout");
  }

  @Test
  void acceptsOnlyPlainHttpProxies() {
    assertThat(DuoConfig.defaults().withHttpProxy(URI.create("http://proxy.internal:3128")).httpProxy()).isPresent();
    assertThatThrownBy(() -> DuoConfig.defaults().withHttpProxy(URI.create("https://proxy.internal:3128")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DuoConfig.defaults().withHttpProxy(URI.create("http://user:pw@proxy.internal:3128")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DuoConfig.defaults().withHttpProxy(URI.create("http://proxy.internal")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parsesSignatureNames() {
    assertThat(DuoConfig.Signature.parse("v2")).isEqualTo(DuoConfig.Signature.V2_HMAC_SHA512);
    assertThat(DuoConfig.Signature.parse("V2-SHA1")).isEqualTo(DuoConfig.Signature.V2_HMAC_SHA1);
    assertThat(DuoConfig.Signature.parse("v5")).isEqualTo(DuoConfig.Signature.V5_HMAC_SHA512);
    assertThatThrownBy(() -> DuoConfig.Signature.parse("v4")).isInstanceOf(IllegalArgumentException.class);
  }
}
