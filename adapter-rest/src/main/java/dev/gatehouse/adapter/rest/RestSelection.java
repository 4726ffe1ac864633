package dev.gatehouse.adapter.rest;

import dev.gatehouse.domain.mfa.DeviceSelection;

/** A device and method. */
record RestSelection(String device, String method) {
  static RestSelection from(DeviceSelection selection) {
    return new RestSelection(selection.device().value(), selection.method().wireName());
  }
}
