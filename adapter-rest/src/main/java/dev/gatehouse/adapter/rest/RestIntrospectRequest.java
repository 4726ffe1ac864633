package dev.gatehouse.adapter.rest;

/** {@code POST /api/v1/sessions/introspect}: the workspace session token a gateway was shown. */
record RestIntrospectRequest(String token) {
  @Override
  public String toString() {
    return "RestIntrospectRequest[token=redacted]";
  }
}
