package dev.gatehouse.adapter.rest;

import java.util.Locale;

/**
 * How enums look on this face's wire: lower-case names ({@code locked_out}). The one place the
 * REST adapter turns an enum without a domain {@code wireName()} into text; enums that have one
 * (roles, methods, failmodes, entry kinds) are written with it.
 */
final class RestWire {
  private RestWire() {}

  static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
