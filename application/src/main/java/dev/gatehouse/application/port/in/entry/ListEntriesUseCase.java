package dev.gatehouse.application.port.in.entry;

import dev.gatehouse.domain.entry.Entry;
import java.util.List;

/** The workspace's entries sorted by name, without secrets. */
public interface ListEntriesUseCase {
  List<Entry> list(ListEntriesQuery query);
}
