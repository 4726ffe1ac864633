package dev.gatehouse.domain.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.common.InvalidValueException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WorkspaceTest {
  private static final WorkspaceId ID = new WorkspaceId("ws-00000001");
  private static final WorkspaceName NAME = new WorkspaceName("prod");
  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

  private static Workspace aWorkspace() {
    return Workspace.create(ID, NAME, WorkspaceDescription.NONE, NOW);
  }

  @Test
  void createdWorkspaceKeepsItsIdentity() {
    Workspace workspace = aWorkspace();

    assertThat(workspace.id()).isEqualTo(ID);
    assertThat(workspace.name()).isEqualTo(NAME);
    assertThat(workspace.description()).isEqualTo(WorkspaceDescription.NONE);
    assertThat(workspace.createdAt()).isEqualTo(NOW);
  }

  @Test
  void restoreRefusesMissingName() {
    assertThatThrownBy(() -> Workspace.restore(ID, null, WorkspaceDescription.NONE, NOW))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("workspaceName is required");
  }

  @Test
  void createRefusesMissingId() {
    assertThatThrownBy(() -> Workspace.create(null, NAME, WorkspaceDescription.NONE, NOW))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("workspaceId is required");
  }

  @Test
  void restoredWorkspaceEqualsTheOneItWasSavedFrom() {
    Workspace workspace = aWorkspace();

    assertThat(Workspace.restore(ID, NAME, WorkspaceDescription.NONE, NOW))
        .isEqualTo(workspace)
        .hasSameHashCodeAs(workspace);
  }

  @Test
  void workspacesWithDifferentDescriptionsDiffer() {
    assertThat(Workspace.restore(ID, NAME, new WorkspaceDescription("other"), NOW)).isNotEqualTo(aWorkspace());
  }

  @Test
  void toStringShowsTheName() {
    assertThat(aWorkspace()).hasToString("Workspace[prod]");
  }
}
