package dev.gatehouse.adapter.rest;

import dev.gatehouse.domain.entry.Entry;
import java.util.List;

/** A workspace's entries, sorted by name, without secrets. */
record RestEntryList(List<RestEntry> entries) {
  static RestEntryList from(List<Entry> entries) {
    return new RestEntryList(entries.stream().map(RestEntry::from).toList());
  }
}
