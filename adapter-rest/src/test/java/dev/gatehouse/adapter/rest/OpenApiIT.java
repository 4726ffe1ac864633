package dev.gatehouse.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.adapter.rest.RestFixture.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The checked-in openapi.json and the server agree: every operation is routed, every route documented. */
class OpenApiIT {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

  private RestFixture fx;
  private JsonNode document;

  @BeforeEach
  void setUp() throws Exception {
    fx = new RestFixture();
    document = new ObjectMapper().readTree(SystemResource.load());
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  @Test
  void servesTheCheckedInOpenApi31Document() throws Exception {
    Response served = fx.get("/openapi.json", null);
    assertThat(served.status()).isEqualTo(200);
    assertThat(served.contentType()).startsWith("application/json");
    assertThat(new ObjectMapper().readTree(served.body())).isEqualTo(document);
    assertThat(document.get("openapi").asText()).startsWith("3.1");
    assertThat(document.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
  }

  @Test
  void everyRouteIsDocumentedAndEveryDocumentedOperationIsRouted() {
    Set<String> documented = documentedOperations();
    assertThat(new HashSet<>(fx.server.registeredRoutes())).isEqualTo(documented);
    List<String> declared = fx.server.routes().stream().map(r -> r.method() + " " + r.path()).toList();
    assertThat(new HashSet<>(declared)).isEqualTo(documented);
  }

  @Test
  void everyDocumentedOperationAnswersOverHttp() {
    for (String operation : documentedOperations()) {
      String method = operation.substring(0, operation.indexOf(' '));
      String path = operation.substring(operation.indexOf(' ') + 1).replace("{name}", "vault")
          .replace("{user}", "admin").replace("{id}", "AAAAAAAAAAAAAAAAAAAAAA").replace("{entry}", "web1");
      Response response = fx.send(method, path, fx.adminToken, "{}", Map.of());
      assertThat(response.status()).as(operation).isNotEqualTo(405).isNotEqualTo(500);
      if (response.status() == 404) {
        assertThat(response.json().get("type").asText()).as(operation)
            .isEqualTo("urn:gatehouse:problem:not-found");
      }
    }
  }

  @Test
  void publicOperationsAreExactlyThePublicRoutes() {
    Set<String> open = new HashSet<>();
    forEachOperation((operation, node) -> {
      if (node.has("security") && node.get("security").isEmpty()) {
        open.add(operation);
      }
    });
    Set<String> publicRoutes = new HashSet<>();
    fx.server.routes().stream().filter(r -> r.access() == RestAccess.PUBLIC)
        .forEach(r -> publicRoutes.add(r.method() + " " + r.path()));
    assertThat(open).isEqualTo(publicRoutes);
  }

  @Test
  void everyProblemTypeIsDocumented() {
    String description = document.at("/info/description").asText();
    for (RestProblemType type : RestProblemType.values()) {
      assertThat(description).as(type.name()).contains("| " + type.status() + " | `" + type.uri() + "`");
    }
  }

  private Set<String> documentedOperations() {
    Set<String> operations = new HashSet<>();
    forEachOperation((operation, node) -> operations.add(operation));
    return operations;
  }

  private void forEachOperation(java.util.function.BiConsumer<String, JsonNode> visitor) {
    List<String> ids = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        if (METHODS.contains(operation.getKey())) {
          ids.add(operation.getValue().get("operationId").asText());
          visitor.accept(operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(),
              operation.getValue());
        }
      }
    }
    assertThat(ids).doesNotHaveDuplicates();
  }
}
