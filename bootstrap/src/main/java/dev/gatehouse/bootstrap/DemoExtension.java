package dev.gatehouse.bootstrap;

import dev.gatehouse.adapter.cli.CliExtension;
import dev.gatehouse.adapter.cli.RuntimeOptions;
import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.port.in.AddMemberCommand;
import dev.gatehouse.application.port.in.AddUserCommand;
import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.challenge.ClaimSessionCommand;
import dev.gatehouse.application.port.in.CheckDuoSettingsCommand;
import dev.gatehouse.application.port.in.challenge.ChooseDuoDeviceCommand;
import dev.gatehouse.application.port.in.challenge.ChooseDuoDeviceResult;
import dev.gatehouse.application.port.in.ConfigureDuoCommand;
import dev.gatehouse.application.port.in.ConfigureDuoResult;
import dev.gatehouse.application.port.in.CreateWorkspaceCommand;
import dev.gatehouse.application.port.in.challenge.DeviceListResult;
import dev.gatehouse.application.port.in.DuoCheckResult;
import dev.gatehouse.application.port.in.challenge.GetChallengeQuery;
import dev.gatehouse.application.port.in.challenge.ListDuoDevicesQuery;
import dev.gatehouse.application.port.in.challenge.OpenWorkspaceCommand;
import dev.gatehouse.application.port.in.challenge.SubmitPasscodeCommand;
import dev.gatehouse.application.port.in.challenge.UnlockResult;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.challenge.Passcode;
import dev.gatehouse.domain.mfa.ApiHostname;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoDevice;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.mfa.DuoSecretKey;
import dev.gatehouse.domain.mfa.DuoSettings;
import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.mfa.IntegrationKey;
import dev.gatehouse.domain.mfa.MfaOptions;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceDescription;
import dev.gatehouse.domain.workspace.WorkspaceName;
import dev.gatehouse.duosim.DuoSimulator;
import dev.gatehouse.duosim.Scenario;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code gatehouse demo}: the seed's steps 4–12 and two opens (a push, then an SMS passcode)
 * against the bundled Duo simulator, on a throwaway data directory, naming each step as the seed does.
 */
final class DemoExtension {
  private static final UserName ALICE = new UserName("alice");
  private static final WorkspaceName WORKSPACE = new WorkspaceName("demo-servers");
  private static final ClientContext CLIENT = ClientContext.of("127.0.0.1", "localhost");
  private static final Duration POLL = Duration.ofSeconds(25);
  private static final int MAX_POLLS = 8;

  private DemoExtension() {}

  static CliExtension create() {
    return new CliExtension("demo", "Walk the seed's Duo flow against the bundled simulator, step by step.",
        List.of(), Optional.of("gatehouse demo"), invocation -> run(invocation.out(), invocation.err()));
  }

  static int run(PrintStream out, PrintStream err) throws IOException {
    Path dataDir = Files.createTempDirectory("gatehouse-demo-");
    try (DuoSimulator duo = DuoSimulator.start(Scenario.defaultScenario())) {
      Path caFile = duo.writeCaPem(dataDir.resolve("duo-simulator.pem"));
      out.println("Steps 1-3  Duo Admin Panel: a Partner Auth API application is protected.");
      out.println("           (The bundled Duo simulator plays Duo at " + duo.apiHostname() + ".)");
      RuntimeOptions options = new RuntimeOptions(Optional.of(dataDir), Optional.empty(), Optional.of(caFile));
      try (GatehouseRuntime runtime = GatehouseRuntime.start(Settings.from(options, Map.of()))) {
        new Walk(runtime.gatehouse(), duo, out).run();
      } catch (DemoFailure e) {
        err.println("gatehouse demo: " + e.getMessage());
        return 1;
      }
      out.println("Done: Duo is asked every time the workspace is opened.");
      return 0;
    } finally {
      deleteTree(dataDir);
    }
  }

  /** The steps, in the seed's words. */
  private static final class Walk {
    private final Gatehouse gatehouse;
    private final DuoSimulator duo;
    private final PrintStream out;

    Walk(Gatehouse gatehouse, DuoSimulator duo, PrintStream out) {
      this.gatehouse = gatehouse;
      this.duo = duo;
      this.out = out;
    }

    void run() {
      gatehouse.addUser().add(new AddUserCommand(ALICE, ALICE, Role.ADMINISTRATOR, Optional.empty()));
      gatehouse.createWorkspace().create(new CreateWorkspaceCommand(ALICE, WORKSPACE,
          new WorkspaceDescription("Remote connections of the demo team")));
      gatehouse.addMember().add(new AddMemberCommand(ALICE, WORKSPACE, ALICE));
      out.println("Step 4     Workspace " + WORKSPACE + " created; alice is its administrator and a member.");
      out.println("Step 5     Duo chosen as the workspace's MFA type; Duo - General Settings opened.");

      DuoSettings settings = new DuoSettings(new ApiHostname(duo.apiHostname()),
          new IntegrationKey(duo.integrationKey()), new DuoSecretKey(duo.secretKey()));
      out.println("Steps 6-7  Integration key " + settings.integrationKey() + ", secret key "
          + "(hidden), API hostname " + settings.apiHostname() + " pasted.");
      DuoCheckResult check = gatehouse.checkDuoSettings().check(new CheckDuoSettingsCommand(ALICE, settings));
      if (check instanceof DuoCheckResult.Failed failed) {
        throw new DemoFailure("Step 8 Check failed: " + failed.problem() + " " + failed.report());
      }
      ConfigureDuoResult configured = gatehouse.configureDuo().configure(
          new ConfigureDuoCommand(ALICE, WORKSPACE, settings, Failmode.SECURE, MfaOptions.DEFAULTS));
      if (configured instanceof ConfigureDuoResult.CheckFailed failed) {
        throw new DemoFailure("Step 8 OK failed: " + failed.failure().problem() + " " + failed.failure().report());
      }
      out.println("Step 8     Check: Duo accepted the settings. OK: saved (failmode secure).");

      DuoDevice phone = onlyDevice();
      out.println("Step 9     Settings: Duo lists " + phone.displayName() + " (" + phone.id() + ").");
      out.println("Step 10    Use this device: " + phone.id() + ".");
      out.println("Step 11    Method: Duo Push.");
      ChallengeView verified = verify(new DeviceSelection(phone.id(), DuoMethod.PUSH));
      out.println("Step 12    Save: the first authentication was approved on the phone ("
          + verified.message() + "); the device is active.");

      out.println("Open 1     Opening the workspace: Duo asks again.");
      ChallengeView pushed = open(Optional.empty());
      out.println("           Approved (" + pushed.message() + "); session until " + session(pushed) + ".");

      out.println("Step 11    Method changed to Send SMS; Save sends passcodes by SMS.");
      ChallengeView smsVerified = verify(new DeviceSelection(phone.id(), DuoMethod.SMS));
      out.println("Step 12    Save: the SMS passcode was accepted (" + smsVerified.message() + ").");

      out.println("Open 2     Opening the workspace: Duo sends new SMS passcodes; the first one is typed.");
      ChallengeView texted = open(Optional.of(phone));
      out.println("           Approved (" + texted.message() + "); session until " + session(texted) + ".");
    }

    private DuoDevice onlyDevice() {
      DeviceListResult devices = gatehouse.listDuoDevices().list(new ListDuoDevicesQuery(ALICE, WORKSPACE, CLIENT));
      if (!(devices instanceof DeviceListResult.Devices listed) || listed.devices().isEmpty()) {
        throw new DemoFailure("Step 9: Duo listed no device: " + devices);
      }
      return listed.devices().get(0);
    }

    private ChallengeView verify(DeviceSelection selection) {
      ChooseDuoDeviceResult result = gatehouse.chooseDuoDevice().choose(
          new ChooseDuoDeviceCommand(ALICE, WORKSPACE, selection, CLIENT));
      if (!(result instanceof ChooseDuoDeviceResult.Verifying verifying)) {
        throw new DemoFailure("Step 12: Save was refused: " + result);
      }
      return finish(verifying.challenge(), selection.method() == DuoMethod.SMS
          ? Optional.of(selection.device().value()) : Optional.empty());
    }

    private ChallengeView open(Optional<DuoDevice> smsDevice) {
      UnlockResult result = gatehouse.openWorkspace().open(new OpenWorkspaceCommand(ALICE, WORKSPACE, CLIENT));
      if (!(result instanceof UnlockResult.Pending pending)) {
        throw new DemoFailure("Open: expected Duo to be asked, got " + result);
      }
      return finish(pending.challenge(), smsDevice.map(d -> d.id().value()));
    }

    /** Types the latest SMS passcode when the challenge awaits one, else waits for the push. */
    private ChallengeView finish(ChallengeView challenge, Optional<String> smsDevice) {
      ChallengeView current = challenge;
      if (current.state() == ChallengeState.AWAITING_PASSCODE) {
        String code = smsDevice.map(device -> duo.control().smsBatch(device))
            .filter(batch -> !batch.isEmpty()).map(batch -> batch.get(0))
            .orElseThrow(() -> new DemoFailure("no SMS passcode arrived"));
        current = gatehouse.submitPasscode().submit(
            new SubmitPasscodeCommand(ALICE, current.id(), new Passcode(code), CLIENT));
      }
      for (int polls = 0; !current.isFinal() && polls < MAX_POLLS; polls++) {
        out.println("           Duo: " + current.message());
        current = gatehouse.getChallenge().get(new GetChallengeQuery(ALICE, current.id(), POLL))
            .toCompletableFuture().join();
      }
      if (current.state() != ChallengeState.APPROVED) {
        throw new DemoFailure("the challenge ended " + current.state() + ": " + current.message());
      }
      return current;
    }

    /** Claims the approved unlock's session (once; reading the challenge never hands it out). */
    private String session(ChallengeView view) {
      if (!view.sessionReady()) {
        throw new DemoFailure("no session was granted");
      }
      return gatehouse.claimSession().claim(new ClaimSessionCommand(ALICE, view.id())).expiresAt().toString();
    }
  }

  /** A demo step did not go as the seed says. */
  static final class DemoFailure extends RuntimeException {
    DemoFailure(String message) {
      super(message);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete the demo's data directory " + root, e);
    }
  }
}
