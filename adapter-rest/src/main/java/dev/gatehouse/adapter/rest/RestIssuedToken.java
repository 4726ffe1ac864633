package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.IssuedApiToken;
import dev.gatehouse.domain.user.TokenScope;
import java.util.List;

/** A new API token, shown in this answer only, with its id (to list and revoke it), expiry and scopes. */
record RestIssuedToken(String id, String owner, String token, String issuedAt, String expiresAt,
    List<String> scopes) {
  static RestIssuedToken from(IssuedApiToken issued) {
    return new RestIssuedToken(issued.id().value(), issued.owner().value(), issued.token().reveal(),
        issued.issuedAt().toString(), issued.expiresAt().map(Object::toString).orElse(null),
        issued.scopes().stream().map(TokenScope::wireName).sorted().toList());
  }

  @Override
  public String toString() {
    return "RestIssuedToken[id=" + id + ", owner=" + owner + ", token=redacted]";
  }
}
