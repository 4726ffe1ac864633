package dev.gatehouse.adapter.cli;

import dev.gatehouse.domain.entry.Entry;
import dev.gatehouse.domain.entry.EntryDetails;
import dev.gatehouse.domain.entry.EntryTag;
import java.util.List;

/**
 * An entry as {@code entry list|show|add|edit --json} print it, the REST shape: never its secret,
 * only whether it has one ({@code secretKind} {@code password} or {@code privateKey}, else null).
 */
record CliEntry(String name, String kind, String host, Integer port, String username, String domain,
    String url, String notes, List<String> tags, String stepUp, long version, boolean hasSecret, String secretKind,
    String createdAt, String createdBy, String updatedAt, String updatedBy) {

  static CliEntry from(Entry entry) {
    EntryDetails details = entry.details();
    return new CliEntry(entry.name().value(), details.kind().wireName(), details.host(),
        details.port().orElse(null), details.username().orElse(null), details.domain().orElse(null),
        details.url().orElse(null), details.notes(), details.tags().stream().map(EntryTag::value).toList(),
        details.stepUp().map(Object::toString).orElse(null), entry.version(), entry.hasSecret(), entry.secret().map(kind -> kind.wireName()).orElse(null),
        CliWire.instant(entry.createdAt()), entry.createdBy().value(), CliWire.instant(entry.updatedAt()),
        entry.updatedBy().value());
  }
}
