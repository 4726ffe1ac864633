package dev.gatehouse.application.port.in.session;

/**
 * Revokes a session of the workspace; returns whether it was live. Throws
 * {@link dev.gatehouse.application.port.in.NotFoundException} when the workspace has no such session.
 */
public interface RevokeSessionUseCase {
  boolean revoke(RevokeSessionCommand command);
}
