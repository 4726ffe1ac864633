package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.Gatehouse;

/**
 * Builds Gatehouse's use cases when a command first needs them, from the storage and Duo options
 * given on the command line, so that {@code --help}, {@code --version} and usage errors build
 * nothing. Implementations may throw {@code StorageProblemException} (exit 4) or
 * {@code SecondFactorProblemException} (exit 3) when they cannot start.
 */
@FunctionalInterface
public interface GatehouseFactory {
  Gatehouse open(RuntimeOptions options);
}
