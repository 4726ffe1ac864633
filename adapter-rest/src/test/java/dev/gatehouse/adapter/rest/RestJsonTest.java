package dev.gatehouse.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict JSON reading whose errors never echo the request. */
class RestJsonTest {
  private static final String SECRET = RestFixture.SKEY;
  private final RestJson json = new RestJson();

  @Test
  void readsAKnownRecord() {
    RestConfigureDuoRequest request = read("{\"apiHostname\":\"h\",\"options\":{\"pushCooldownSeconds\":5}}",
        RestConfigureDuoRequest.class);
    assertThat(request.apiHostname()).isEqualTo("h");
    assertThat(request.options().pushCooldownSeconds()).isEqualTo(5L);
    assertThat(request.secretKey()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"secretKey\":\"" + SECRET + "\"", "{\"secretKey\":" + SECRET + "}",
      "{\"secretKey\":\"" + SECRET + "\"} " + SECRET, "[\"" + SECRET + "\"]", "\"" + SECRET + "\""})
  void malformedBodiesNeverEchoTheirContent(String body) {
    assertThatThrownBy(() -> read(body, RestConfigureDuoRequest.class))
        .isInstanceOf(RestInputException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET))
        .satisfies(e -> assertThat(((RestInputException) e).errors().toString()).doesNotContain(SECRET));
  }

  @Test
  void unknownFieldIsNamed() {
    assertThatThrownBy(() -> read("{\"options\":{\"colour\":\"" + SECRET + "\"}}", RestConfigureDuoRequest.class))
        .isInstanceOfSatisfying(RestInputException.class, e -> {
          assertThat(e.type()).isEqualTo(RestProblemType.INVALID_INPUT);
          assertThat(e.errors()).containsExactly(new RestFieldError("options.colour", "is not a known field"));
        });
  }

  @Test
  void wrongTypesAreNamed() {
    assertThatThrownBy(() -> read("{\"options\":{\"pushCooldownSeconds\":1.5}}", RestConfigureDuoRequest.class))
        .isInstanceOfSatisfying(RestInputException.class, e ->
            assertThat(e.errors()).extracting(RestFieldError::field).containsExactly("options.pushCooldownSeconds"));
    assertThatThrownBy(() -> read("{\"name\":[1]}", RestCreateWorkspaceRequest.class))
        .isInstanceOfSatisfying(RestInputException.class, e ->
            assertThat(e.errors()).extracting(RestFieldError::field).containsExactly("name"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"name\":123}", "{\"name\":-1.5}", "{\"name\":true}", "{\"name\":false}"})
  void scalarsAreNotCoercedToStrings(String body) {
    assertThatThrownBy(() -> read(body, RestCreateWorkspaceRequest.class))
        .isInstanceOfSatisfying(RestInputException.class, e -> {
          assertThat(e.type()).isEqualTo(RestProblemType.INVALID_INPUT);
          assertThat(e.errors()).containsExactly(new RestFieldError("name", "has the wrong type"));
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"5\"", "true", "\"\""})
  void scalarsAreNotCoercedToNumbers(String value) {
    assertThatThrownBy(() -> read("{\"options\":{\"pushCooldownSeconds\":" + value + "}}",
        RestConfigureDuoRequest.class))
        .isInstanceOfSatisfying(RestInputException.class, e ->
            assertThat(e.errors()).extracting(RestFieldError::field).containsExactly("options.pushCooldownSeconds"));
  }

  @Test
  void duplicateFieldsAreMalformed() {
    assertThatThrownBy(() -> read("{\"name\":\"a\",\"name\":\"b\"}", RestCreateWorkspaceRequest.class))
        .isInstanceOfSatisfying(RestInputException.class, e -> {
          assertThat(e.type()).isEqualTo(RestProblemType.INVALID_REQUEST);
          assertThat(e.getMessage()).contains("twice").doesNotContain("\"a\"").doesNotContain("\"b\"");
        });
    assertThatThrownBy(() -> read("{\"secretKey\":\"" + SECRET + "\",\"secretKey\":\"" + SECRET + "\"}",
        RestConfigureDuoRequest.class))
        .isInstanceOfSatisfying(RestInputException.class, e -> {
          assertThat(e.type()).isEqualTo(RestProblemType.INVALID_REQUEST);
          assertThat(e.getMessage()).doesNotContain(SECRET);
        });
    assertThatThrownBy(() -> read("{\"options\":{\"pushCooldownSeconds\":1,\"pushCooldownSeconds\":2}}",
        RestConfigureDuoRequest.class))
        .isInstanceOfSatisfying(RestInputException.class,
            e -> assertThat(e.type()).isEqualTo(RestProblemType.INVALID_REQUEST));
  }

  @Test
  void noFieldsMeansNone() {
    assertThat(read("{}", RestNoFields.class)).isNotNull();
    assertThat(read(" { } ", RestNoFields.class)).isNotNull();
    assertThatThrownBy(() -> read("{\"x\":1}", RestNoFields.class))
        .isInstanceOfSatisfying(RestInputException.class, e ->
            assertThat(e.errors()).containsExactly(new RestFieldError("x", "is not a known field")));
  }

  @Test
  void emptyAndNullBodiesAreRefused() {
    assertThatThrownBy(() -> read("", RestCreateWorkspaceRequest.class)).isInstanceOf(RestInputException.class);
    assertThatThrownBy(() -> read("null", RestCreateWorkspaceRequest.class)).isInstanceOf(RestInputException.class);
  }

  @Test
  void writesWithoutNullMembers() {
    String written = new String(json.write(new RestDuoCheck("passed", null, null)), StandardCharsets.UTF_8);
    assertThat(written).isEqualTo("{\"result\":\"passed\"}");
  }

  @Test
  void requestRecordsNeverPrintTheirSecrets() {
    assertThat(new RestDuoSettingsRequest("h", "k", SECRET).toString()).doesNotContain(SECRET);
    assertThat(new RestConfigureDuoRequest("duo", "h", "k", SECRET, null, null).toString()).doesNotContain(SECRET);
    assertThat(new RestPasscodeRequest("123456").toString()).doesNotContain("123456");
  }

  private <T> T read(String body, Class<T> type) {
    return json.read(body.getBytes(StandardCharsets.UTF_8), type);
  }
}
