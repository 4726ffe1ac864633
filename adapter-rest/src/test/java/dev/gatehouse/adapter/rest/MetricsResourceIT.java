package dev.gatehouse.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.adapter.rest.RestFixture.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} for administrators only, and every answer reported with bounded labels. */
class MetricsResourceIT {
  private final List<String> answered = new CopyOnWriteArrayList<>();
  private RestFixture fx;

  @BeforeEach
  void setUp() {
    fx = new RestFixture(RestConfig.of("127.0.0.1", 0), ReadinessCheck.alwaysReady(), new RestMetrics() {
      @Override
      public void answered(String method, String route, int status, Duration duration) {
        answered.add(method + " " + route + " " + status);
      }

      @Override
      public String scrape() {
        return "# TYPE gatehouse_test_total counter\ngatehouse_test_total 1.0\n";
      }
    });
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  @Test
  void administratorsReadThePrometheusText() {
    Response response = fx.get("/metrics", fx.adminToken);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo(MetricsResource.PROMETHEUS_TEXT);
    assertThat(response.body()).contains("gatehouse_test_total 1.0");
  }

  @Test
  void membersAreForbiddenAndStrangersUnauthorized() {
    String member = fx.user("alice");

    fx.get("/metrics", member).problem(403, "forbidden");
    fx.get("/metrics", null).problem(401, "unauthorized");
  }

  @Test
  void answersAreReportedByRouteTemplateNeverByPath() {
    fx.get("/api/v1/workspaces/secret-project", fx.adminToken);
    fx.send("BREW", "/api/v1/users", fx.adminToken, null, java.util.Map.of());
    fx.get("/api/v1/workspaces/" + "a".repeat(20_000), null);

    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> answered.size() >= 3);
    // The request line of a 414 was never read, so its method is unknown too.
    assertThat(answered).contains("GET /api/v1/workspaces/{name} 404", "OTHER (rejected) 414")
        .anySatisfy(line -> assertThat(line).startsWith("OTHER "))
        .noneSatisfy(line -> assertThat(line).contains("secret-project"));
  }
}
