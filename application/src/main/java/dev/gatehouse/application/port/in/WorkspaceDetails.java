package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.workspace.Workspace;
import java.util.Optional;

/** A workspace with its Duo summary (empty when it has no second factor). */
public record WorkspaceDetails(Workspace workspace, Optional<DuoSummary> duo) {}
