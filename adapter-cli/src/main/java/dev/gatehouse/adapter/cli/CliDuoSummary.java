package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.DuoSummary;

/** A workspace's Duo settings as shown: never the secret key. */
record CliDuoSummary(String apiHostname, String integrationKey, String failmode,
    long sessionLifetimeSeconds, long challengeLifetimeSeconds, long pushCooldownSeconds,
    long rememberForSeconds) {
  static CliDuoSummary from(DuoSummary duo) {
    return new CliDuoSummary(duo.apiHostname().value(), duo.integrationKey().value(),
        duo.failmode().wireName(), duo.options().sessionLifetime().toSeconds(),
        duo.options().challengeLifetime().toSeconds(), duo.options().pushCooldown().toSeconds(),
        duo.options().rememberFor().toSeconds());
  }
}
