package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.challenge.SessionGrant;

/** An opened workspace session: its public id, and its token, shown in this one answer only. */
record RestSession(String id, String workspace, String token, String kind, String expiresAt) {
  static RestSession from(SessionGrant grant) {
    return new RestSession(grant.id().value(), grant.workspace().value(), grant.token().reveal(),
        RestWire.name(grant.kind()), grant.expiresAt().toString());
  }
}
