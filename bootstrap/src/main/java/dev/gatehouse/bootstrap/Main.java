package dev.gatehouse.bootstrap;

import dev.gatehouse.adapter.cli.CliConfig;
import dev.gatehouse.adapter.cli.CliConsole;
import dev.gatehouse.adapter.cli.GatehouseCli;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The {@code gatehouse} executable: the command line, with {@code serve}, {@code duo-simulator}
 * and {@code demo} added. Nothing is started before a command needs it, so {@code --help} and
 * {@code --version} stay fast.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.getenv()));
  }

  /** Runs one command line as the executable does; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
    Runtimes runtimes = new Runtimes(environment);
    CliConfig config = new CliConfig(Version.current(), out, err, System.in, CliConsole.system(), environment,
        System.getProperty("user.name", "gatehouse"), new SignalInterrupts(), CliConfig.DEFAULT_POLL_WAIT,
        List.of(ServeExtension.create(runtimes), SimulatorExtension.create(), DemoExtension.create()));
    return new GatehouseCli(config, runtimes::gatehouse).run(args);
  }
}
