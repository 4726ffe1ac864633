package dev.gatehouse.adapter.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version the executable was built as. */
final class CliVersionProvider implements IVersionProvider {
  private final CliContext context;

  CliVersionProvider(CliContext context) {
    this.context = context;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"gatehouse " + context.config().version()};
  }
}
