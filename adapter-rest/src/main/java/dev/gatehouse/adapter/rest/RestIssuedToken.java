package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.IssuedApiToken;

/** A new API token, shown in this answer only. */
record RestIssuedToken(String owner, String token, String issuedAt) {
  static RestIssuedToken from(IssuedApiToken issued) {
    return new RestIssuedToken(issued.owner().value(), issued.token().reveal(), issued.issuedAt().toString());
  }
}
