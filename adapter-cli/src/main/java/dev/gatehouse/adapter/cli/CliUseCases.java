package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.port.in.AddMemberUseCase;
import dev.gatehouse.application.port.in.AddUserUseCase;
import dev.gatehouse.application.port.in.AuthenticateApiTokenUseCase;
import dev.gatehouse.application.port.in.CheckDuoSettingsUseCase;
import dev.gatehouse.application.port.in.ClearSuspensionUseCase;
import dev.gatehouse.application.port.in.ConfigureDuoUseCase;
import dev.gatehouse.application.port.in.CreateWorkspaceUseCase;
import dev.gatehouse.application.port.in.DisableMfaUseCase;
import dev.gatehouse.application.port.in.DisableUserUseCase;
import dev.gatehouse.application.port.in.EnableUserUseCase;
import dev.gatehouse.application.port.in.GetWorkspaceUseCase;
import dev.gatehouse.application.port.in.IssueApiTokenUseCase;
import dev.gatehouse.application.port.in.ListApiTokensUseCase;
import dev.gatehouse.application.port.in.ListAuditEventsUseCase;
import dev.gatehouse.application.port.in.ListUsersUseCase;
import dev.gatehouse.application.port.in.ListWorkspacesUseCase;
import dev.gatehouse.application.port.in.RemoveMemberUseCase;
import dev.gatehouse.application.port.in.RevokeApiTokenUseCase;
import dev.gatehouse.application.port.in.RotateMasterKeyUseCase;
import dev.gatehouse.application.port.in.challenge.CancelChallengeUseCase;
import dev.gatehouse.application.port.in.challenge.ChooseDuoDeviceUseCase;
import dev.gatehouse.application.port.in.challenge.ClaimSessionUseCase;
import dev.gatehouse.application.port.in.challenge.GetChallengeUseCase;
import dev.gatehouse.application.port.in.challenge.ListDuoDevicesUseCase;
import dev.gatehouse.application.port.in.challenge.OpenWorkspaceUseCase;
import dev.gatehouse.application.port.in.challenge.SubmitPasscodeUseCase;
import dev.gatehouse.application.port.in.entry.AddEntryUseCase;
import dev.gatehouse.application.port.in.entry.EditEntryUseCase;
import dev.gatehouse.application.port.in.entry.GetEntryUseCase;
import dev.gatehouse.application.port.in.entry.ListEntriesUseCase;
import dev.gatehouse.application.port.in.entry.RemoveEntryUseCase;
import dev.gatehouse.application.port.in.entry.RevealEntryUseCase;
import dev.gatehouse.application.port.in.readiness.GetDuoReadinessUseCase;
import dev.gatehouse.application.port.in.session.CloseSessionUseCase;
import dev.gatehouse.application.port.in.session.ListSessionsUseCase;
import dev.gatehouse.application.port.in.session.RevokeSessionUseCase;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Where each use case a subcommand may name is found in Gatehouse: the one place that knows the
 * facade's accessors, so that a subcommand names only the use cases it calls. Loaded the first time
 * a command reaches for one, never for {@code --help} or {@code --version}.
 */
final class CliUseCases {
  private static final Map<Class<?>, Function<Gatehouse, ?>> ACCESSORS = Map.ofEntries(
      Map.entry(ClaimSessionUseCase.class, Gatehouse::claimSession),
      Map.entry(AddUserUseCase.class, Gatehouse::addUser),
      Map.entry(IssueApiTokenUseCase.class, Gatehouse::issueApiToken),
      Map.entry(CreateWorkspaceUseCase.class, Gatehouse::createWorkspace),
      Map.entry(ListWorkspacesUseCase.class, Gatehouse::listWorkspaces),
      Map.entry(GetWorkspaceUseCase.class, Gatehouse::getWorkspace),
      Map.entry(AddMemberUseCase.class, Gatehouse::addMember),
      Map.entry(RemoveMemberUseCase.class, Gatehouse::removeMember),
      Map.entry(CheckDuoSettingsUseCase.class, Gatehouse::checkDuoSettings),
      Map.entry(ConfigureDuoUseCase.class, Gatehouse::configureDuo),
      Map.entry(DisableMfaUseCase.class, Gatehouse::disableMfa),
      Map.entry(ListDuoDevicesUseCase.class, Gatehouse::listDuoDevices),
      Map.entry(ChooseDuoDeviceUseCase.class, Gatehouse::chooseDuoDevice),
      Map.entry(OpenWorkspaceUseCase.class, Gatehouse::openWorkspace),
      Map.entry(GetChallengeUseCase.class, Gatehouse::getChallenge),
      Map.entry(SubmitPasscodeUseCase.class, Gatehouse::submitPasscode),
      Map.entry(CancelChallengeUseCase.class, Gatehouse::cancelChallenge),
      Map.entry(ListAuditEventsUseCase.class, Gatehouse::listAuditEvents),
      Map.entry(ClearSuspensionUseCase.class, Gatehouse::clearSuspension),
      Map.entry(ListApiTokensUseCase.class, Gatehouse::listApiTokens),
      Map.entry(RevokeApiTokenUseCase.class, Gatehouse::revokeApiToken),
      Map.entry(ListUsersUseCase.class, Gatehouse::listUsers),
      Map.entry(DisableUserUseCase.class, Gatehouse::disableUser),
      Map.entry(EnableUserUseCase.class, Gatehouse::enableUser),
      Map.entry(RotateMasterKeyUseCase.class, Gatehouse::rotateMasterKey),
      Map.entry(AddEntryUseCase.class, Gatehouse::addEntry),
      Map.entry(EditEntryUseCase.class, Gatehouse::editEntry),
      Map.entry(RemoveEntryUseCase.class, Gatehouse::removeEntry),
      Map.entry(ListEntriesUseCase.class, Gatehouse::listEntries),
      Map.entry(GetEntryUseCase.class, Gatehouse::getEntry),
      Map.entry(RevealEntryUseCase.class, Gatehouse::revealEntry),
      Map.entry(CloseSessionUseCase.class, Gatehouse::closeSession),
      Map.entry(ListSessionsUseCase.class, Gatehouse::listSessions),
      Map.entry(RevokeSessionUseCase.class, Gatehouse::revokeSession),
      Map.entry(GetDuoReadinessUseCase.class, Gatehouse::duoReadiness));

  private CliUseCases() {}

  /** Every use case a subcommand may name. */
  static Set<Class<?>> types() {
    return ACCESSORS.keySet();
  }

  /** The use case of this type in {@code gatehouse}. */
  static <T> T of(Gatehouse gatehouse, Class<T> type) {
    Function<Gatehouse, ?> accessor = ACCESSORS.get(type);
    if (accessor == null) {
      throw new IllegalArgumentException("Gatehouse offers no use case " + type.getName());
    }
    return type.cast(accessor.apply(gatehouse));
  }
}
