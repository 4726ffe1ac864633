package dev.gatehouse.adapter.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gatehouse duo}: Duo settings and devices. */
@Command(name = "duo", description = "Check and configure Duo; list, choose and verify your Duo device.", subcommands = {DuoCheckSubcommand.class, DuoConfigureSubcommand.class, DuoDevicesSubcommand.class, DuoUseDeviceSubcommand.class, DuoReadinessSubcommand.class})
final class DuoSubcommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    return GroupSubcommands.missingSubcommand(spec);
  }
}
