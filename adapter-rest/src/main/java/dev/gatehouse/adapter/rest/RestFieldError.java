package dev.gatehouse.adapter.rest;

import dev.gatehouse.domain.common.InvalidValueException;

/** One invalid request field in a problem document: its name and the rule it broke (never its value). */
record RestFieldError(String field, String reason) {
  static RestFieldError from(InvalidValueException e) {
    return new RestFieldError(e.field(), e.reason());
  }
}
