package dev.gatehouse.adapter.rest;

import java.util.Optional;

/**
 * Whether Gatehouse can serve requests (its database answers), asked by {@code GET /ready}.
 * Bootstrap supplies it; an exception thrown by the check counts as not ready.
 */
@FunctionalInterface
public interface ReadinessCheck {
  /** Empty when ready; otherwise a short reason, never a secret. */
  Optional<String> problem();

  /** A check that always answers ready, for hosts without a database. */
  static ReadinessCheck alwaysReady() {
    return Optional::empty;
  }
}
