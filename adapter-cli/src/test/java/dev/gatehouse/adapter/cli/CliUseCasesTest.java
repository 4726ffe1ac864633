package dev.gatehouse.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.session.IntrospectSessionUseCase;
import dev.gatehouse.application.port.in.challenge.OpenWorkspaceUseCase;
import org.junit.jupiter.api.Test;

class CliUseCasesTest {
  private final InMemoryGatehouse env = new InMemoryGatehouse();

  @Test
  void findsEveryUseCaseItListsInGatehouse() {
    assertThat(CliUseCases.types()).contains(OpenWorkspaceUseCase.class);
    for (Class<?> type : CliUseCases.types()) {
      assertThat(CliUseCases.of(env.gatehouse, type)).as(type.getSimpleName()).isInstanceOf(type);
    }
  }

  @Test
  void refusesAUseCaseNoSubcommandNames() {
    assertThatThrownBy(() -> CliUseCases.of(env.gatehouse, IntrospectSessionUseCase.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IntrospectSessionUseCase");
  }
}
