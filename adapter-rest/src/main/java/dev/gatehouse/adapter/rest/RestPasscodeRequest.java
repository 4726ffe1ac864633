package dev.gatehouse.adapter.rest;

import dev.gatehouse.domain.challenge.Passcode;

/** {@code POST /api/v1/challenges/{id}/passcode}: the passcode the member typed. */
record RestPasscodeRequest(String passcode) {
  Passcode toDomain() {
    return RestFields.one("passcode", () -> new Passcode(passcode));
  }

  @Override
  public String toString() {
    return "RestPasscodeRequest[passcode=redacted]";
  }
}
