package dev.gatehouse.application.port.in.entry;

import dev.gatehouse.domain.entry.Entry;

/**
 * Adds an entry; audited without its secret. Throws
 * {@link dev.gatehouse.application.port.in.session.SessionRequiredException} without a live session,
 * {@link dev.gatehouse.application.port.in.AccessDeniedException} for a reader,
 * {@link dev.gatehouse.application.port.in.ConflictException} when the name is taken.
 */
public interface AddEntryUseCase {
  Entry add(AddEntryCommand command);
}
