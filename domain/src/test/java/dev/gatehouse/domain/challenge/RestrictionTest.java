package dev.gatehouse.domain.challenge;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.InvalidValueException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RestrictionTest {

  @Test
  void refusesAMissingKind() {
    assertThatThrownBy(() -> new Restriction(null, Optional.empty()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("kind is required");
  }

  @Test
  void refusesANullUntil() {
    assertThatThrownBy(() -> new Restriction(Restriction.Kind.SUSPENDED, null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("until is required");
  }
}
