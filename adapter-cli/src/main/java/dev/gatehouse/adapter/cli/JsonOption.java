package dev.gatehouse.adapter.cli;

import picocli.CommandLine.Option;

/** {@code --json}: print the result as JSON on standard output instead of text. */
final class JsonOption {
  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;
}
