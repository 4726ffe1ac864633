package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.session.Introspection;
import dev.gatehouse.application.port.in.session.SessionSummary;

/**
 * RFC 7662's answer: {@code active}, and for a live session its user, workspace, kind and expiry
 * (also as {@code exp}, seconds since the epoch); an inactive token gets {@code active: false} alone.
 */
record RestIntrospection(boolean active, String user, String workspace, String kind, String expiresAt, Long exp) {
  static final RestIntrospection INACTIVE = new RestIntrospection(false, null, null, null, null, null);

  static RestIntrospection from(Introspection introspection) {
    if (introspection.session().isEmpty()) {
      return INACTIVE;
    }
    SessionSummary s = introspection.session().get();
    return new RestIntrospection(true, s.user().value(), s.workspace().value(), RestWire.name(s.kind()),
        s.expiresAt().toString(), s.expiresAt().getEpochSecond());
  }
}
