package dev.gatehouse.application.port.in.entry;

import dev.gatehouse.domain.entry.Entry;

/** One entry without its secret. Throws {@link dev.gatehouse.application.port.in.NotFoundException} for an unknown entry. */
public interface GetEntryUseCase {
  Entry get(GetEntryQuery query);
}
