package dev.gatehouse.application.port.in.entry;

/** Removes an entry; audited. Throws {@link dev.gatehouse.application.port.in.NotFoundException} for an unknown entry. */
public interface RemoveEntryUseCase {
  void remove(RemoveEntryCommand command);
}
