package dev.gatehouse.domain.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceIdTest {

  @ParameterizedTest
  @ValueSource(strings = {"abcdefgh", "W0rk_sp-ce", "0123456789abcdef0123456789abcdef",
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
  void acceptsEightToSixtyFourUrlSafeCharacters(String value) {
    assertThat(new WorkspaceId(value).value()).isEqualTo(value);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"abcdefg", " abcdefgh", "abcdefgh ", "abc/defgh", "abc+defgh",
      "abc.defgh", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
  void refusesAnythingElse(String value) {
    assertThatThrownBy(() -> new WorkspaceId(value))
        .isInstanceOfSatisfying(InvalidValueException.class,
            e -> assertThat(e.field()).isEqualTo("workspaceId"));
  }

  @Test
  void toStringIsTheId() {
    assertThat(new WorkspaceId("abcdefgh")).hasToString("abcdefgh");
  }
}
