package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.DuoSummary;
import java.util.Optional;

/** A workspace's second factor: {@code none}, or {@code duo} with everything but the secret key. */
record RestMfa(String type, String apiHostname, String integrationKey, String failmode,
    RestMfaOptions options) {
  static RestMfa from(Optional<DuoSummary> duo) {
    return duo.map(RestMfa::from).orElse(new RestMfa("none", null, null, null, null));
  }

  static RestMfa from(DuoSummary duo) {
    return new RestMfa(RestConfigureDuoRequest.DUO, duo.apiHostname().value(), duo.integrationKey().value(),
        duo.failmode().wireName(), RestMfaOptions.from(duo.options()));
  }
}
