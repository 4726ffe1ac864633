package dev.gatehouse.application;

import dev.gatehouse.application.port.in.AddMemberUseCase;
import dev.gatehouse.application.port.in.AddUserUseCase;
import dev.gatehouse.application.port.in.AuthenticateApiTokenUseCase;
import dev.gatehouse.application.port.in.CancelChallengeUseCase;
import dev.gatehouse.application.port.in.CheckDuoSettingsUseCase;
import dev.gatehouse.application.port.in.ChooseDuoDeviceUseCase;
import dev.gatehouse.application.port.in.ClearSuspensionUseCase;
import dev.gatehouse.application.port.in.ConfigureDuoUseCase;
import dev.gatehouse.application.port.in.CreateWorkspaceUseCase;
import dev.gatehouse.application.port.in.DisableMfaUseCase;
import dev.gatehouse.application.port.in.GetChallengeUseCase;
import dev.gatehouse.application.port.in.GetWorkspaceUseCase;
import dev.gatehouse.application.port.in.IssueApiTokenUseCase;
import dev.gatehouse.application.port.in.ListAuditEventsUseCase;
import dev.gatehouse.application.port.in.ListDuoDevicesUseCase;
import dev.gatehouse.application.port.in.ListWorkspacesUseCase;
import dev.gatehouse.application.port.in.OpenWorkspaceUseCase;
import dev.gatehouse.application.port.in.RemoveMemberUseCase;
import dev.gatehouse.application.port.in.SubmitPasscodeUseCase;
import dev.gatehouse.application.port.out.GatehousePorts;
import dev.gatehouse.application.service.AddMemberService;
import dev.gatehouse.application.service.AddUserService;
import dev.gatehouse.application.service.AuthenticateApiTokenService;
import dev.gatehouse.application.service.CancelChallengeService;
import dev.gatehouse.application.service.CheckDuoSettingsService;
import dev.gatehouse.application.service.ChooseDuoDeviceService;
import dev.gatehouse.application.service.ClearSuspensionService;
import dev.gatehouse.application.service.ConfigureDuoService;
import dev.gatehouse.application.service.CreateWorkspaceService;
import dev.gatehouse.application.service.DisableMfaService;
import dev.gatehouse.application.service.GetChallengeService;
import dev.gatehouse.application.service.GetWorkspaceService;
import dev.gatehouse.application.service.IssueApiTokenService;
import dev.gatehouse.application.service.ListAuditEventsService;
import dev.gatehouse.application.service.ListDuoDevicesService;
import dev.gatehouse.application.service.ListWorkspacesService;
import dev.gatehouse.application.service.OpenWorkspaceService;
import dev.gatehouse.application.service.RemoveMemberService;
import dev.gatehouse.application.service.SubmitPasscodeService;

/**
 * Gatehouse as a library: every use case, assembled from the driven ports a host application
 * supplies (storage, Duo, clock, token source). No dependency injection framework is needed;
 * Gatehouse's own executable wires the same ports with Guice.
 */
public final class Gatehouse {
  private final AddUserUseCase addUser;
  private final IssueApiTokenUseCase issueApiToken;
  private final AuthenticateApiTokenUseCase authenticateApiToken;
  private final CreateWorkspaceUseCase createWorkspace;
  private final ListWorkspacesUseCase listWorkspaces;
  private final GetWorkspaceUseCase getWorkspace;
  private final AddMemberUseCase addMember;
  private final RemoveMemberUseCase removeMember;
  private final CheckDuoSettingsUseCase checkDuoSettings;
  private final ConfigureDuoUseCase configureDuo;
  private final DisableMfaUseCase disableMfa;
  private final ListDuoDevicesUseCase listDuoDevices;
  private final ChooseDuoDeviceUseCase chooseDuoDevice;
  private final OpenWorkspaceUseCase openWorkspace;
  private final GetChallengeUseCase getChallenge;
  private final SubmitPasscodeUseCase submitPasscode;
  private final CancelChallengeUseCase cancelChallenge;
  private final ListAuditEventsUseCase listAuditEvents;
  private final ClearSuspensionUseCase clearSuspension;

  private Gatehouse(GatehousePorts p) {
    this.addUser = new AddUserService(p.users(), p.workspaces(), p.audit(), p.unitOfWork(), p.clock());
    this.issueApiToken = new IssueApiTokenService(p.users(), p.workspaces(), p.apiTokens(), p.tokens(), p.audit(), p.unitOfWork(), p.clock());
    this.authenticateApiToken = new AuthenticateApiTokenService(p.users(), p.apiTokens(), p.tokens());
    this.createWorkspace = new CreateWorkspaceService(p.users(), p.workspaces(), p.tokens(), p.audit(), p.unitOfWork(), p.clock());
    this.listWorkspaces = new ListWorkspacesService(p.users(), p.workspaces(), p.policies());
    this.getWorkspace = new GetWorkspaceService(p.users(), p.workspaces(), p.policies());
    this.addMember = new AddMemberService(p.users(), p.workspaces(), p.audit(), p.unitOfWork(), p.clock());
    this.removeMember = new RemoveMemberService(p);
    this.checkDuoSettings = new CheckDuoSettingsService(p.users(), p.workspaces(), p.secondFactor(), p.audit(), p.unitOfWork(), p.clock());
    this.configureDuo = new ConfigureDuoService(p.users(), p.workspaces(), p.policies(), p.secondFactor(), p.audit(), p.unitOfWork(), p.clock());
    this.disableMfa = new DisableMfaService(p.users(), p.workspaces(), p.policies(), p.audit(), p.unitOfWork(), p.clock());
    this.listDuoDevices = new ListDuoDevicesService(p);
    this.chooseDuoDevice = new ChooseDuoDeviceService(p);
    this.openWorkspace = new OpenWorkspaceService(p);
    this.getChallenge = new GetChallengeService(p);
    this.submitPasscode = new SubmitPasscodeService(p);
    this.cancelChallenge = new CancelChallengeService(p);
    this.listAuditEvents = new ListAuditEventsService(p.users(), p.workspaces(), p.audit());
    this.clearSuspension = new ClearSuspensionService(p.users(), p.workspaces(), p.guards(), p.audit(), p.unitOfWork(), p.clock());
  }

  /** Builds every use case on the given ports. */
  public static Gatehouse assemble(GatehousePorts ports) {
    return new Gatehouse(ports);
  }

  public AddUserUseCase addUser() {
    return addUser;
  }

  public IssueApiTokenUseCase issueApiToken() {
    return issueApiToken;
  }

  public AuthenticateApiTokenUseCase authenticateApiToken() {
    return authenticateApiToken;
  }

  public CreateWorkspaceUseCase createWorkspace() {
    return createWorkspace;
  }

  public ListWorkspacesUseCase listWorkspaces() {
    return listWorkspaces;
  }

  public GetWorkspaceUseCase getWorkspace() {
    return getWorkspace;
  }

  public AddMemberUseCase addMember() {
    return addMember;
  }

  public RemoveMemberUseCase removeMember() {
    return removeMember;
  }

  public CheckDuoSettingsUseCase checkDuoSettings() {
    return checkDuoSettings;
  }

  public ConfigureDuoUseCase configureDuo() {
    return configureDuo;
  }

  public DisableMfaUseCase disableMfa() {
    return disableMfa;
  }

  public ListDuoDevicesUseCase listDuoDevices() {
    return listDuoDevices;
  }

  public ChooseDuoDeviceUseCase chooseDuoDevice() {
    return chooseDuoDevice;
  }

  public OpenWorkspaceUseCase openWorkspace() {
    return openWorkspace;
  }

  public GetChallengeUseCase getChallenge() {
    return getChallenge;
  }

  public SubmitPasscodeUseCase submitPasscode() {
    return submitPasscode;
  }

  public CancelChallengeUseCase cancelChallenge() {
    return cancelChallenge;
  }

  public ListAuditEventsUseCase listAuditEvents() {
    return listAuditEvents;
  }

  public ClearSuspensionUseCase clearSuspension() {
    return clearSuspension;
  }
}
