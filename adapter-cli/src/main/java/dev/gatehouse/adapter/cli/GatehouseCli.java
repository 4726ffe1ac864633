package dev.gatehouse.adapter.cli;

import java.util.Objects;

/**
 * The {@code gatehouse} command line: parses arguments, runs the use case a command names and
 * answers with output on the injected streams and an exit code (0 done or granted, 1 access
 * denied, 2 invalid usage or input, 3 Duo or configuration problem, 4 storage problem, 130
 * interrupted). Gatehouse itself is built only when a command needs it.
 */
public final class GatehouseCli {
  private final CliConfig config;
  private final GatehouseFactory gatehouse;

  public GatehouseCli(CliConfig config, GatehouseFactory gatehouse) {
    this.config = Objects.requireNonNull(config, "config");
    this.gatehouse = Objects.requireNonNull(gatehouse, "gatehouse");
  }

  /** Runs one command line and returns the process exit code; never throws, never prints a stack trace. */
  public int run(String... args) {
    CliContext context = new CliContext(config, gatehouse);
    try {
      if (args != null && args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
        // Answered before the command tree is built: picocli's reflection over ~80 classes would
        // take longer than the rest of the run.
        for (String line : new CliVersionProvider(context).getVersion()) {
          config.out().println(line);
        }
        return 0;
      }
      return CommandTree.build(context).execute(args == null ? new String[0] : args);
    } finally {
      config.out().flush();
      config.err().flush();
    }
  }
}
