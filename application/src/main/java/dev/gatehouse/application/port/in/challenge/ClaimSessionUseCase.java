package dev.gatehouse.application.port.in.challenge;

/**
 * Hands out the session of an approved unlock, exactly once, to the challenge's owner. Throws
 * {@link ConflictException} when the challenge is not an approved unlock or its session was already
 * claimed, and {@link AccessDeniedException} when the owner lost access since the approval (removed,
 * disabled, suspended or locked out; audited).
 */
public interface ClaimSessionUseCase {
  SessionGrant claim(ClaimSessionCommand command);
}
