package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.AccessDeniedException;
import dev.gatehouse.domain.user.User;

/**
 * Who may use a route, asked only when its request is invalid (a 400 on the way): a caller the
 * guard refuses gets the 403 (or 404, session-required) the use case would have given, never a
 * problem that describes the body's fields. Valid requests are authorized by the use case alone,
 * so a guard costs nothing on the happy path. A guard only reads; it throws to refuse.
 */
@FunctionalInterface
interface RestGuard {
  /** Everyone authenticated (routes whose use case decides on the body's content alone). */
  RestGuard ANYONE = request -> { };

  /** Administrators only, as the caller was resolved for this request. */
  RestGuard ADMINISTRATOR = request -> {
    User user = request.caller().user();
    if (!user.isAdministrator()) {
      throw new AccessDeniedException(user.name() + " is not an administrator");
    }
  };

  void check(RestRequest request);
}
