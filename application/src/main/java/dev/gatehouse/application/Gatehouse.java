package dev.gatehouse.application;

import dev.gatehouse.application.port.in.AddMemberUseCase;
import dev.gatehouse.application.port.in.AddUserUseCase;
import dev.gatehouse.application.port.in.AuthenticateApiTokenUseCase;
import dev.gatehouse.application.port.in.challenge.CancelChallengeUseCase;
import dev.gatehouse.application.port.in.challenge.ClaimSessionUseCase;
import dev.gatehouse.application.port.in.CheckDuoSettingsUseCase;
import dev.gatehouse.application.port.in.challenge.ChooseDuoDeviceUseCase;
import dev.gatehouse.application.port.in.ClearSuspensionUseCase;
import dev.gatehouse.application.port.in.ConfigureDuoUseCase;
import dev.gatehouse.application.port.in.CreateWorkspaceUseCase;
import dev.gatehouse.application.port.in.DisableMfaUseCase;
import dev.gatehouse.application.port.in.challenge.GetChallengeUseCase;
import dev.gatehouse.application.port.in.GetWorkspaceUseCase;
import dev.gatehouse.application.port.in.IssueApiTokenUseCase;
import dev.gatehouse.application.port.in.ListAuditEventsUseCase;
import dev.gatehouse.application.port.in.challenge.ListDuoDevicesUseCase;
import dev.gatehouse.application.port.in.ListWorkspacesUseCase;
import dev.gatehouse.application.port.in.challenge.OpenWorkspaceUseCase;
import dev.gatehouse.application.port.in.RemoveMemberUseCase;
import dev.gatehouse.application.port.in.challenge.SubmitPasscodeUseCase;
import dev.gatehouse.application.port.in.readiness.GetDuoReadinessUseCase;
import dev.gatehouse.application.port.out.GatehousePorts;
import dev.gatehouse.application.port.in.ListApiTokensUseCase;
import dev.gatehouse.application.port.in.RevokeApiTokenUseCase;
import dev.gatehouse.application.port.in.ListUsersUseCase;
import dev.gatehouse.application.port.in.DisableUserUseCase;
import dev.gatehouse.application.port.in.EnableUserUseCase;
import dev.gatehouse.application.port.in.RotateMasterKeyUseCase;
import dev.gatehouse.application.port.in.entry.AddEntryUseCase;
import dev.gatehouse.application.port.in.entry.EditEntryUseCase;
import dev.gatehouse.application.port.in.entry.RemoveEntryUseCase;
import dev.gatehouse.application.port.in.entry.ListEntriesUseCase;
import dev.gatehouse.application.port.in.entry.GetEntryUseCase;
import dev.gatehouse.application.port.in.entry.RevealEntryUseCase;
import dev.gatehouse.application.port.in.session.GetSessionUseCase;
import dev.gatehouse.application.port.in.session.CloseSessionUseCase;
import dev.gatehouse.application.port.in.session.ListSessionsUseCase;
import dev.gatehouse.application.port.in.session.RevokeSessionUseCase;
import dev.gatehouse.application.port.in.session.IntrospectSessionUseCase;
import dev.gatehouse.application.service.entry.AddEntryService;
import dev.gatehouse.application.service.ChangeUserStatusService;
import dev.gatehouse.application.service.session.CloseSessionService;
import dev.gatehouse.application.service.entry.EditEntryService;
import dev.gatehouse.application.service.GetDuoReadinessService;
import dev.gatehouse.application.service.entry.GetEntryService;
import dev.gatehouse.application.service.session.GetSessionService;
import dev.gatehouse.application.service.session.IntrospectSessionService;
import dev.gatehouse.application.service.ListApiTokensService;
import dev.gatehouse.application.service.entry.ListEntriesService;
import dev.gatehouse.application.service.session.ListSessionsService;
import dev.gatehouse.application.service.ListUsersService;
import dev.gatehouse.application.service.entry.RemoveEntryService;
import dev.gatehouse.application.service.entry.RevealEntryService;
import dev.gatehouse.application.service.RevokeApiTokenService;
import dev.gatehouse.application.service.session.RevokeSessionService;
import dev.gatehouse.application.service.RotateMasterKeyService;
import dev.gatehouse.application.service.session.SessionGate;
import dev.gatehouse.application.service.AddMemberService;
import dev.gatehouse.application.service.AddUserService;
import dev.gatehouse.application.service.AuthenticateApiTokenService;
import dev.gatehouse.application.service.challenge.CancelChallengeService;
import dev.gatehouse.application.service.challenge.ChallengeLifecycle;
import dev.gatehouse.application.service.common.FreshApproval;
import dev.gatehouse.application.service.challenge.ClaimSessionService;
import dev.gatehouse.application.service.CheckDuoSettingsService;
import dev.gatehouse.application.service.challenge.ChooseDuoDeviceService;
import dev.gatehouse.application.service.ClearSuspensionService;
import dev.gatehouse.application.service.ConfigureDuoService;
import dev.gatehouse.application.service.CreateWorkspaceService;
import dev.gatehouse.application.service.DisableMfaService;
import dev.gatehouse.application.service.challenge.GetChallengeService;
import dev.gatehouse.application.service.GetWorkspaceService;
import dev.gatehouse.application.service.IssueApiTokenService;
import dev.gatehouse.application.service.ListAuditEventsService;
import dev.gatehouse.application.service.challenge.ListDuoDevicesService;
import dev.gatehouse.application.service.ListWorkspacesService;
import dev.gatehouse.application.service.challenge.OpenWorkspaceService;
import dev.gatehouse.application.service.RemoveMemberService;
import dev.gatehouse.application.service.challenge.SubmitPasscodeService;

/**
 * Gatehouse as a library: every use case, assembled from the driven ports a host application
 * supplies (storage, Duo, clock, token source). No dependency injection framework is needed;
 * Gatehouse's own executable wires the same ports with Guice. The collaborators use cases share —
 * the {@link SessionGate}, the {@link ChallengeLifecycle} and the {@link FreshApproval} step-up
 * rule — are built here once and handed to the use cases that need them. Close it before closing storage: pending Duo requests it follows are
 * handed over to other processes and waiting clients are answered.
 */
public final class Gatehouse implements AutoCloseable {
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
  private final GetDuoReadinessUseCase duoReadiness;
  private final ListApiTokensUseCase listApiTokens;
  private final RevokeApiTokenUseCase revokeApiToken;
  private final ListUsersUseCase listUsers;
  private final DisableUserUseCase disableUser;
  private final EnableUserUseCase enableUser;
  private final RotateMasterKeyUseCase rotateMasterKey;
  private final AddEntryUseCase addEntry;
  private final EditEntryUseCase editEntry;
  private final RemoveEntryUseCase removeEntry;
  private final ListEntriesUseCase listEntries;
  private final GetEntryUseCase getEntry;
  private final RevealEntryUseCase revealEntry;
  private final GetSessionUseCase getSession;
  private final CloseSessionUseCase closeSession;
  private final ListSessionsUseCase listSessions;
  private final RevokeSessionUseCase revokeSession;
  private final IntrospectSessionUseCase introspectSession;
  private final ClaimSessionUseCase claimSession;
  private final ChallengeLifecycle lifecycle;

  private Gatehouse(GatehousePorts p, GatehouseOptions options) {
    // Every challenge use case shares the one lifecycle: one follower per pending Duo request.
    this.lifecycle = new ChallengeLifecycle(p.challenges(), p.users(), p.workspaces(), p.policies(),
        p.deviceChoices(), p.guards(), p.sessions(), p.audit(), p.unitOfWork(), p.secondFactor(), p.tokens(),
        p.signals(), p.telemetry(), p.clock(), options.node(), options.maxPending(), options.maxHeapShare(),
        options.leaseTtl(), options.takeOver());
    // Every step-up (weakening a Duo workspace, minting a token as a user) asks the one rule.
    FreshApproval freshApproval = new FreshApproval(p.sessions(), p.audit(), p.unitOfWork(), p.clock());
    this.addUser = new AddUserService(p.users(), p.workspaces(), p.audit(), p.unitOfWork(), p.clock());
    this.issueApiToken = new IssueApiTokenService(p.users(), p.workspaces(), p.apiTokens(), p.tokens(), p.audit(), p.unitOfWork(),
        freshApproval, p.clock());
    this.authenticateApiToken = new AuthenticateApiTokenService(p.apiTokens(), p.tokens(), p.clock());
    this.createWorkspace = new CreateWorkspaceService(p.users(), p.workspaces(), p.tokens(), p.audit(), p.unitOfWork(), p.clock());
    this.listWorkspaces = new ListWorkspacesService(p.users(), p.workspaces(), p.policies());
    this.getWorkspace = new GetWorkspaceService(p.users(), p.workspaces(), p.policies());
    this.addMember = new AddMemberService(p.users(), p.workspaces(), p.policies(), p.audit(), p.unitOfWork(), p.clock());
    this.removeMember = new RemoveMemberService(p.users(), p.workspaces(), p.policies(), p.sessions(), p.audit(),
        p.unitOfWork(), lifecycle, p.clock());
    this.checkDuoSettings = new CheckDuoSettingsService(p.users(), p.workspaces(), p.secondFactor(), p.audit(), p.unitOfWork(), p.clock());
    this.configureDuo = new ConfigureDuoService(p.users(), p.workspaces(), p.policies(), p.sessions(), p.secondFactor(), p.audit(), p.unitOfWork(),
        freshApproval, p.clock());
    this.disableMfa = new DisableMfaService(p.users(), p.workspaces(), p.policies(), p.sessions(), p.audit(), p.unitOfWork(),
        freshApproval, p.clock());
    this.listDuoDevices = new ListDuoDevicesService(p.users(), p.workspaces(), p.policies(), p.deviceChoices(),
        p.secondFactor());
    this.chooseDuoDevice = new ChooseDuoDeviceService(p.users(), p.workspaces(), p.policies(), p.deviceChoices(),
        p.audit(), lifecycle, p.clock());
    this.openWorkspace = new OpenWorkspaceService(p.users(), p.workspaces(), p.policies(), p.deviceChoices(),
        p.guards(), p.sessions(), p.secondFactor(), p.tokens(), p.audit(), p.unitOfWork(), lifecycle, p.telemetry(),
        p.clock());
    this.getChallenge = new GetChallengeService(p.users(), p.workspaces(), lifecycle);
    this.claimSession = new ClaimSessionService(p.users(), p.workspaces(), lifecycle);
    this.submitPasscode = new SubmitPasscodeService(p.users(), p.workspaces(), p.challenges(), p.guards(),
        p.policies(), p.secondFactor(), p.audit(), p.unitOfWork(), lifecycle, p.clock());
    this.cancelChallenge = new CancelChallengeService(p.users(), p.workspaces(), lifecycle);
    this.listAuditEvents = new ListAuditEventsService(p.users(), p.workspaces(), p.audit());
    this.clearSuspension = new ClearSuspensionService(p.users(), p.workspaces(), p.policies(), p.guards(), p.audit(),
        p.unitOfWork(), freshApproval, p.clock());
    this.listApiTokens = new ListApiTokensService(p.users(), p.workspaces(), p.apiTokens());
    this.revokeApiToken = new RevokeApiTokenService(p.users(), p.workspaces(), p.apiTokens(), p.audit(), p.unitOfWork(), p.clock());
    this.listUsers = new ListUsersService(p.users(), p.workspaces());
    ChangeUserStatusService userStatus = new ChangeUserStatusService(p.users(), p.workspaces(), p.apiTokens(),
        p.sessions(), p.audit(), p.unitOfWork(), p.clock());
    this.disableUser = userStatus;
    this.enableUser = userStatus;
    this.rotateMasterKey = new RotateMasterKeyService(p.users(), p.workspaces(), p.masterKeys(), p.audit(), p.unitOfWork(), p.clock());
    this.duoReadiness = new GetDuoReadinessService(p.users(), p.workspaces(), p.policies(), p.deviceChoices(),
        p.guards(), p.secondFactor(), p.audit(), p.unitOfWork(), p.clock());
    // Behind the gate: every entry and session use case passes the one session gate.
    SessionGate gate = new SessionGate(p.users(), p.workspaces(), p.sessions(), p.guards(), p.tokens(), p.clock());
    this.addEntry = new AddEntryService(gate, p.entries(), p.tokens(), p.audit(), p.unitOfWork(), p.clock());
    this.editEntry = new EditEntryService(gate, p.entries(), p.audit(), p.unitOfWork(), p.clock());
    this.removeEntry = new RemoveEntryService(gate, p.entries(), p.audit(), p.unitOfWork(), p.clock());
    this.listEntries = new ListEntriesService(gate, p.entries());
    this.getEntry = new GetEntryService(gate, p.entries());
    this.revealEntry = new RevealEntryService(gate, p.entries(), p.challenges(), p.policies(), p.deviceChoices(),
        p.audit(), p.unitOfWork(), lifecycle, p.telemetry(), p.clock());
    this.getSession = new GetSessionService(gate);
    this.closeSession = new CloseSessionService(gate, p.sessions(), p.audit(), p.unitOfWork(), p.clock());
    this.listSessions = new ListSessionsService(p.users(), p.workspaces(), p.sessions(), p.clock());
    this.revokeSession = new RevokeSessionService(p.users(), p.workspaces(), p.sessions(), p.audit(), p.unitOfWork(), p.clock());
    this.introspectSession = new IntrospectSessionService(gate);
  }

  /** Builds every use case on the given ports, as a server: it takes over dead processes' Duo requests. */
  public static Gatehouse assemble(GatehousePorts ports) {
    return assemble(ports, GatehouseOptions.server());
  }

  /** Builds every use case on the given ports, with these options for following Duo requests. */
  public static Gatehouse assemble(GatehousePorts ports, GatehouseOptions options) {
    return new Gatehouse(ports, options);
  }

  public ClaimSessionUseCase claimSession() {
    return claimSession;
  }

  /** The challenge lifecycle (for operations: how many Duo requests this process follows). */
  public ChallengeLifecycle challenges() {
    return lifecycle;
  }

  /** Stops following Duo requests (handing them to other processes) and answers waiting clients. */
  @Override
  public void close() {
    lifecycle.close();
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

  public ListApiTokensUseCase listApiTokens() {
    return listApiTokens;
  }

  public RevokeApiTokenUseCase revokeApiToken() {
    return revokeApiToken;
  }

  public ListUsersUseCase listUsers() {
    return listUsers;
  }

  public DisableUserUseCase disableUser() {
    return disableUser;
  }

  public EnableUserUseCase enableUser() {
    return enableUser;
  }

  public RotateMasterKeyUseCase rotateMasterKey() {
    return rotateMasterKey;
  }

  public AddEntryUseCase addEntry() {
    return addEntry;
  }

  public EditEntryUseCase editEntry() {
    return editEntry;
  }

  public RemoveEntryUseCase removeEntry() {
    return removeEntry;
  }

  public ListEntriesUseCase listEntries() {
    return listEntries;
  }

  public GetEntryUseCase getEntry() {
    return getEntry;
  }

  public RevealEntryUseCase revealEntry() {
    return revealEntry;
  }

  public GetSessionUseCase getSession() {
    return getSession;
  }

  public CloseSessionUseCase closeSession() {
    return closeSession;
  }

  public ListSessionsUseCase listSessions() {
    return listSessions;
  }

  public RevokeSessionUseCase revokeSession() {
    return revokeSession;
  }

  public IntrospectSessionUseCase introspectSession() {
    return introspectSession;
  }

  public GetDuoReadinessUseCase duoReadiness() {
    return duoReadiness;
  }
}
