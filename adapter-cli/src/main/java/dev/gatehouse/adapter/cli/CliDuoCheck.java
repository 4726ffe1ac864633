package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.ConfigureDuoResult;
import dev.gatehouse.application.port.in.DuoCheckResult;

/**
 * {@code duo check --json} and {@code duo configure --json}: {@code outcome} is {@code passed},
 * {@code configured} or {@code failed} (with the problem class, worded with the gateway's report).
 */
record CliDuoCheck(String outcome, String workspace, String problem, String message, CliDuoSummary duo) {
  static CliDuoCheck from(DuoCheckResult result) {
    if (result instanceof DuoCheckResult.Failed failed) {
      return new CliDuoCheck("failed", null, CliWire.name(failed.problem()),
          CliText.problem(failed.problem(), failed.report()), null);
    }
    return new CliDuoCheck("passed", null, null, "Duo accepted the settings", null);
  }

  static CliDuoCheck from(String workspace, ConfigureDuoResult result) {
    if (result instanceof ConfigureDuoResult.Configured configured) {
      return new CliDuoCheck("configured", workspace, null, "Duo checked and saved",
          CliDuoSummary.from(configured.duo()));
    }
    DuoCheckResult.Failed failed = ((ConfigureDuoResult.CheckFailed) result).failure();
    return new CliDuoCheck("failed", workspace, CliWire.name(failed.problem()),
        CliText.problem(failed.problem(), failed.report()), null);
  }
}
