package dev.gatehouse.application.port.in.session;

import dev.gatehouse.application.port.in.AccessDeniedException;

/**
 * The request needs a live session of the acting user for the workspace and has none: missing,
 * unknown, expired, closed, revoked, or issued for another user or workspace. Opening the
 * workspace again (asking Duo) is the way forward.
 */
public class SessionRequiredException extends AccessDeniedException {
  public SessionRequiredException(String message) {
    super(message);
  }
}
