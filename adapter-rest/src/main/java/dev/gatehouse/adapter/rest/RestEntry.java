package dev.gatehouse.adapter.rest;

import dev.gatehouse.domain.entry.Entry;
import dev.gatehouse.domain.entry.EntryDetails;
import dev.gatehouse.domain.entry.EntryTag;
import dev.gatehouse.domain.entry.StepUp;
import dev.gatehouse.domain.entry.SecretKind;
import java.util.List;

/**
 * An entry as the API shows it: its details, its step-up ({@code null} for none), version and
 * whether (and which) secret it has, never the secret.
 */
record RestEntry(String id, String name, String kind, String host, Integer port, String username,
    String domain, String url, String notes, List<String> tags, String stepUp, long version, boolean hasSecret,
    String secretKind, String createdAt, String createdBy, String updatedAt, String updatedBy) {

  static RestEntry from(Entry entry) {
    EntryDetails d = entry.details();
    return new RestEntry(entry.id().value(), d.name().value(), d.kind().wireName(), d.host(),
        d.port().orElse(null), d.username().orElse(null), d.domain().orElse(null), d.url().orElse(null),
        d.notes(), d.tags().stream().map(EntryTag::value).toList(), d.stepUp().map(StepUp::toString).orElse(null),
        entry.version(), entry.hasSecret(),
        entry.secret().map(SecretKind::wireName).orElse(null), entry.createdAt().toString(),
        entry.createdBy().value(), entry.updatedAt().toString(), entry.updatedBy().value());
  }
}
