package dev.gatehouse.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.domain.common.InvalidValueException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The module wires one server from the bound Gatehouse and readiness check, with explicit bindings only. */
class RestModuleTest {
  @Test
  void buildsOneServerFromExplicitBindings() {
    Gatehouse gatehouse = new InMemoryGatehouse().gatehouse;
    Injector injector = Guice.createInjector(Stage.PRODUCTION, binder -> {
      binder.requireExplicitBindings();
      binder.bind(Gatehouse.class).toInstance(gatehouse);
      binder.bind(ReadinessCheck.class).toInstance(ReadinessCheck.alwaysReady());
    }, new RestModule(RestConfig.of("127.0.0.1", 0)));
    RestServer server = injector.getInstance(RestServer.class);
    assertThat(injector.getInstance(RestServer.class)).isSameAs(server);
    try (RestServer started = server.start()) {
      assertThat(started.port()).isPositive();
    }
  }

  @Test
  void theWiredServerServesEntriesSessionsAndTokensBehindTheBearerToken() {
    Injector injector = Guice.createInjector(Stage.PRODUCTION, binder -> {
      binder.requireExplicitBindings();
      binder.bind(Gatehouse.class).toInstance(new InMemoryGatehouse().gatehouse);
      binder.bind(ReadinessCheck.class).toInstance(ReadinessCheck.alwaysReady());
    }, new RestModule(RestConfig.of("127.0.0.1", 0)));
    RestServer server = injector.getInstance(RestServer.class);
    assertThat(server.routes()).filteredOn(route -> route.access() == RestAccess.BEARER)
        .extracting(route -> route.method() + " " + route.path())
        .contains("POST /api/v1/workspaces/{name}/entries", "POST /api/v1/workspaces/{name}/entries/{entry}/reveal",
            "GET /api/v1/workspaces/{name}/session", "DELETE /api/v1/workspaces/{name}/sessions/{id}",
            "POST /api/v1/sessions/introspect", "GET /api/v1/tokens", "DELETE /api/v1/tokens/{id}",
            "GET /api/v1/users", "POST /api/v1/users/{name}/disable", "POST /api/v1/users/{name}/enable");
    try (RestServer started = server.start()) {
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + started.port() + "/api/v1/workspaces/vault/entries"))
          .header(RestRequest.SESSION_HEADER, "AAAAAAAAAAAAAAAAAAAAAAAA").build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(401);
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyRouteThatReadsABodyNamesWhoMayLearnWhatIsWrongWithIt() {
    RestServer server = RestModule.server(new InMemoryGatehouse().gatehouse, ReadinessCheck.alwaysReady(),
        RestConfig.of("127.0.0.1", 0), RestMetrics.NONE, java.util.List.of());
    assertThat(server.routes()).filteredOn(RestRoute::readsBody).hasSizeGreaterThanOrEqualTo(12)
        .allSatisfy(route -> assertThat(route.guard()).as(route.method() + " " + route.path())
            .isNotSameAs(RestGuard.ANYONE));
  }

  @Test
  void wiringChecksInToolStage() {
    Guice.createInjector(Stage.TOOL, binder -> {
      binder.requireExplicitBindings();
      binder.bind(Gatehouse.class).toInstance(new InMemoryGatehouse().gatehouse);
      binder.bind(ReadinessCheck.class).toInstance(ReadinessCheck.alwaysReady());
    }, new RestModule(RestConfig.defaults()));
  }

  @Test
  void configIsValidated() {
    assertThat(RestConfig.defaults()).isEqualTo(new RestConfig("127.0.0.1", 8080, 65536, RestConfig.DEFAULT_MAX_THREADS));
    assertThatThrownBy(() -> RestConfig.of("127.0.0.1", 70000)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> RestConfig.of(" ", 80)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new RestConfig("127.0.0.1", 0, 10, 64)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new RestConfig("127.0.0.1", 0, 65536, 2)).isInstanceOf(InvalidValueException.class);
  }
}
