package dev.gatehouse.domain.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceDescriptionTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "Production servers", "Serveurs – Zürich / 東京 🙂", "a, b; c!"})
  void acceptsFreeText(String value) {
    assertThat(new WorkspaceDescription(value).value()).isEqualTo(value);
  }

  @Test
  void mayBeEmpty() {
    assertThat(WorkspaceDescription.NONE.value()).isEmpty();
  }

  @Test
  void blankBecomesEmpty() {
    assertThat(new WorkspaceDescription("   ")).isEqualTo(WorkspaceDescription.NONE);
  }

  @Test
  void stripsSurroundingWhitespace() {
    assertThat(new WorkspaceDescription("  servers \n").value()).isEqualTo("servers");
  }

  @Test
  void acceptsFiveHundredCharacters() {
    assertThat(new WorkspaceDescription("d".repeat(500)).value()).hasSize(500);
  }

  @Test
  void refusesFiveHundredAndOneCharacters() {
    assertThatThrownBy(() -> new WorkspaceDescription("d".repeat(501)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("description must be at most 500 characters");
  }

  @Test
  void refusesNull() {
    assertThatThrownBy(() -> new WorkspaceDescription(null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("description is required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"line one\nline two", "bell\u0007", "esc\u001b[2J", "nul\u0000x", "tab\there"})
  void refusesInnerControlCharacters(String value) {
    assertThatThrownBy(() -> new WorkspaceDescription(value))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("description must not contain control characters");
  }
}
