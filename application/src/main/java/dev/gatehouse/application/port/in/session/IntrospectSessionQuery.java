package dev.gatehouse.application.port.in.session;

import dev.gatehouse.application.port.in.ApiCaller;
import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.SecretToken;

/** Ask whether a workspace session token is live, as a gateway does (administrators or tokens with scope introspect). */
public record IntrospectSessionQuery(ApiCaller caller, SecretToken token) {
  public IntrospectSessionQuery {
    Require.notNull("caller", caller);
    Require.notNull("token", token);
  }
}
