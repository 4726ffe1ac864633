package dev.gatehouse.application.port.in.entry;

import dev.gatehouse.domain.entry.Entry;

/**
 * Edits an entry; audited without its secret. Throws
 * {@link dev.gatehouse.application.port.in.ConflictException} when the entry changed since
 * {@code expectedVersion} or the new name is taken, {@link dev.gatehouse.application.port.in.NotFoundException}
 * for an unknown entry.
 */
public interface EditEntryUseCase {
  Entry edit(EditEntryCommand command);
}
