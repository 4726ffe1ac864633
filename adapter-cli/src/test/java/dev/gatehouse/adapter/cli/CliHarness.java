package dev.gatehouse.adapter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.application.contract.StorageFixtures;
import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.AddMemberCommand;
import dev.gatehouse.application.port.in.AddUserCommand;
import dev.gatehouse.application.port.in.ConfigureDuoCommand;
import dev.gatehouse.application.port.in.CreateWorkspaceCommand;
import dev.gatehouse.application.port.out.AuthStatus;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.mfa.DeviceCapability;
import dev.gatehouse.domain.mfa.DeviceId;
import dev.gatehouse.domain.mfa.DuoDevice;
import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.mfa.MfaOptions;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceDescription;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Runs {@link GatehouseCli} through its public entry point on Gatehouse's in-memory fakes, with
 * captured streams, a scripted environment, standard input, terminal and Ctrl-C. Alice is the
 * administrator (and the operating-system user), bob and carol are members of workspace
 * {@code servers}, mallory is a user outside it.
 */
final class CliHarness {
  static final String VERSION = "9.8.7-test";
  static final String ADMIN = "alice";
  static final String MEMBER = "bob";
  static final String OTHER_MEMBER = "carol";
  static final String OUTSIDER = "mallory";
  static final String WORKSPACE = "servers";
  static final String HOSTNAME = "api-xxxxxxxx.duosecurity.com";
  static final String INTEGRATION_KEY = StorageFixtures.INTEGRATION_KEY;
  static final String SECRET_KEY = StorageFixtures.SECRET_KEY;
  static final String RIGHT_PASSCODE = "90817263";
  static final String WRONG_PASSCODE = "55501234";
  static final DuoDevice PHONE = new DuoDevice(new DeviceId("DPFZRS9FB0D46QFTM891"), "phone",
      "iOS (XXX-XXX-0123)", EnumSet.allOf(DeviceCapability.class));
  static final DuoDevice TOKEN = new DuoDevice(new DeviceId("DHEKH0JJIYC1LX3AZWO4"), "token",
      "Hardware token", Set.of());
  static final ObjectMapper JSON = new ObjectMapper();

  final InMemoryGatehouse env = new InMemoryGatehouse();
  final Map<String, String> environment = new HashMap<>();
  /** {@code $XDG_STATE_HOME} of every run: a fresh directory, so that no run touches the real session cache. */
  final Path stateHome = freshStateHome();
  final ManualInterrupts interrupts = new ManualInterrupts();
  final AtomicInteger gatehouseBuilt = new AtomicInteger();
  final AtomicReference<RuntimeOptions> runtimeSeen = new AtomicReference<>();
  TestConsole console = TestConsole.none();
  /** How long one read of a challenge waits for a change (short, so tests run fast). */
  Duration pollWait = Duration.ofMillis(100);
  String stdin = "";
  List<CliExtension> extensions = List.of();
  GatehouseFactory factory = options -> {
    gatehouseBuilt.incrementAndGet();
    runtimeSeen.set(options);
    return env.gatehouse;
  };

  CliHarness() {
    environment.put(CliSessionCache.STATE_HOME_VARIABLE, stateHome.toString());
  }

  private static Path freshStateHome() {
    try {
      Path target = Files.createDirectories(Path.of("target", "cli-state"));
      return Files.createTempDirectory(target.toAbsolutePath(), "state-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The session cache's directory under {@link #stateHome}. */
  Path sessionDirectory() {
    return stateHome.resolve("gatehouse").resolve("sessions");
  }

  /** Users and the workspace with its members; no Duo yet. */
  static CliHarness withWorkspace() {
    CliHarness cli = new CliHarness();
    cli.addUser(ADMIN, Role.ADMINISTRATOR);
    cli.addUser(MEMBER, Role.MEMBER);
    cli.addUser(OTHER_MEMBER, Role.MEMBER);
    cli.addUser(OUTSIDER, Role.MEMBER);
    cli.env.gatehouse.createWorkspace().create(new CreateWorkspaceCommand(new UserName(ADMIN),
        new WorkspaceName(WORKSPACE), new WorkspaceDescription("production servers")));
    cli.env.gatehouse.addMember().add(new AddMemberCommand(new UserName(ADMIN), new WorkspaceName(WORKSPACE), new UserName(MEMBER)));
    cli.env.gatehouse.addMember().add(new AddMemberCommand(new UserName(ADMIN), new WorkspaceName(WORKSPACE), new UserName(OTHER_MEMBER)));
    return cli;
  }

  /** The workspace protected by Duo (failmode secure); bob and carol enrolled with {@link #PHONE}. */
  static CliHarness withDuo() {
    return withDuo(Failmode.SECURE);
  }

  static CliHarness withDuo(Failmode failmode) {
    CliHarness cli = withWorkspace();
    cli.env.gatehouse.configureDuo().configure(new ConfigureDuoCommand(new UserName(ADMIN),
        new WorkspaceName(WORKSPACE), StorageFixtures.duoSettings(), failmode, MfaOptions.DEFAULTS));
    cli.env.duo.enrolled(MEMBER, PHONE).enrolled(OTHER_MEMBER, PHONE).acceptsPasscode(MEMBER, RIGHT_PASSCODE);
    return cli;
  }

  /** A Duo workspace where bob has chosen and verified {@link #PHONE} with the method. */
  static CliHarness withActiveDevice(String method) {
    CliHarness cli = withDuo();
    cli.env.duo.resolvePushesWith(approved());
    cli.stdin = RIGHT_PASSCODE + "\n";
    Result chosen = cli.runAs(MEMBER, "duo", "use-device", WORKSPACE, PHONE.id().value(), "--method", method);
    if (chosen.exit() != 0) {
      throw new AssertionError("could not activate the device: " + chosen);
    }
    cli.env.duo.resolvePushesWith(null);
    cli.stdin = "";
    return cli;
  }

  /**
   * Gives the user their own fresh Duo approval for the Duo workspace, as step-up actions need:
   * makes them a member (an administrator may not be one), verifies {@link #PHONE} for push and
   * opens the workspace with an approved push. Pushes are left unresolved afterwards.
   */
  void approval(String user) {
    env.gatehouse.addMember().add(new AddMemberCommand(new UserName(ADMIN), new WorkspaceName(WORKSPACE),
        new UserName(user)));
    env.duo.enrolled(user, PHONE);
    env.duo.resolvePushesWith(approved());
    Result chosen = runAs(user, "duo", "use-device", WORKSPACE, PHONE.id().value(), "--method", "push");
    Result opened = runAs(user, "open", WORKSPACE);
    env.duo.resolvePushesWith(null);
    if (chosen.exit() != 0 || opened.exit() != 0) {
      throw new AssertionError("could not open the workspace with Duo: " + chosen + " " + opened);
    }
  }

  static AuthStatus approved() {
    return new AuthStatus.Allowed(StatusMessage.of("Success. Logging you in..."));
  }

  static AuthStatus denied(DenialReason reason) {
    return new AuthStatus.Denied(reason, StatusMessage.of("Login request denied."));
  }

  void addUser(String name, Role role) {
    env.gatehouse.addUser().add(new AddUserCommand(new UserName(ADMIN), new UserName(name), role, Optional.empty()));
  }

  CliConfig config(PrintStream out, PrintStream err) {
    return new CliConfig(VERSION, out, err, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        console, environment, ADMIN, interrupts, pollWait, extensions);
  }

  /** Runs as the operating-system user (alice) unless the arguments or environment say otherwise. */
  Result run(String... args) {
    return run(new ByteArrayOutputStream(), args);
  }

  private Result run(ByteArrayOutputStream out, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    int exit = new GatehouseCli(config(outStream, errStream), factory).run(args);
    return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  Result runAs(String user, String... args) {
    return run(as(user, args));
  }

  /** Runs in the background, for commands that wait on Duo while the test acts. */
  CompletableFuture<Result> start(String user, String... args) {
    return CompletableFuture.supplyAsync(() -> runAs(user, args));
  }

  /** A command running in the background, and what it printed so far. */
  record Running(CompletableFuture<Result> result, ByteArrayOutputStream out) {
    String outSoFar() {
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  /** As {@link #start}, for a test that acts on what the command printed so far. */
  Running startWatched(String user, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    return new Running(CompletableFuture.supplyAsync(() -> run(out, as(user, args))), out);
  }

  private static String[] as(String user, String... args) {
    List<String> all = new ArrayList<>(List.of("--user", user));
    all.addAll(List.of(args));
    return all.toArray(String[]::new);
  }

  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** What one run printed and returned. */
  record Result(int exit, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }

    List<String> outLines() {
      return out.lines().toList();
    }

    JsonNode json() {
      try {
        return JSON.readTree(out);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Ctrl-C by hand: {@link #fire()} runs whatever is armed. */
  static final class ManualInterrupts implements CliInterrupts {
    private final List<Runnable> armed = new CopyOnWriteArrayList<>();
    private final AtomicInteger registrations = new AtomicInteger();

    @Override
    public Registration onInterrupt(Runnable action) {
      armed.add(action);
      registrations.incrementAndGet();
      return () -> armed.remove(action);
    }

    boolean isArmed() {
      return !armed.isEmpty();
    }

    void fire() {
      armed.forEach(Runnable::run);
    }
  }

  /** A terminal (or none) whose hidden prompts are answered from a script and recorded. */
  static final class TestConsole implements CliConsole {
    private final boolean terminal;
    private final List<String> answers;
    final List<String> prompts = new CopyOnWriteArrayList<>();
    /** Runs when a prompt is shown, before it is answered (e.g. the user presses Ctrl-C instead). */
    volatile Runnable onPrompt = () -> { };

    private TestConsole(boolean terminal, List<String> answers) {
      this.terminal = terminal;
      this.answers = new ArrayList<>(answers);
    }

    static TestConsole none() {
      return new TestConsole(false, List.of());
    }

    static TestConsole terminal(String... answers) {
      return new TestConsole(true, List.of(answers));
    }

    @Override
    public boolean isTerminal() {
      return terminal;
    }

    @Override
    public synchronized Optional<String> readHidden(String prompt) {
      prompts.add(prompt);
      onPrompt.run();
      return answers.isEmpty() ? Optional.empty() : Optional.of(answers.remove(0));
    }
  }
}
