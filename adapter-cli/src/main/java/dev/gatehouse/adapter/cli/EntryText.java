package dev.gatehouse.adapter.cli;

import dev.gatehouse.domain.entry.Entry;
import dev.gatehouse.domain.entry.EntryDetails;
import dev.gatehouse.domain.entry.EntryTag;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How entries read as text; never with their secret. */
final class EntryText {
  private EntryText() {}

  static List<String> headers() {
    return List.of("NAME", "KIND", "HOST", "PORT", "USERNAME", "SECRET", "TAGS");
  }

  static List<String> row(Entry entry) {
    EntryDetails details = entry.details();
    return List.of(entry.name().value(), details.kind().wireName(), details.host(),
        details.port().map(String::valueOf).orElse("-"), details.username().orElse("-"), secret(entry),
        tags(details));
  }

  static void show(CliOutput output, Entry entry) {
    EntryDetails details = entry.details();
    output.fields(List.of(
        List.of("Entry", entry.name().value()),
        List.of("Kind", details.kind().wireName()),
        List.of("Host", details.host()),
        List.of("Port", details.port().map(String::valueOf).orElse("-")),
        List.of("Username", details.username().orElse("-")),
        List.of("Domain", details.domain().orElse("-")),
        List.of("URL", details.url().orElse("-")),
        List.of("Tags", tags(details)),
        List.of("Step-up", details.stepUp().map(s -> "Duo approval no older than " + s.maxAge().toString()
            .substring(2).toLowerCase(Locale.ROOT) + " to reveal").orElse("-")),
        List.of("Secret", secret(entry) + (entry.hasSecret() ? " (gatehouse entry reveal)" : "")),
        List.of("Version", String.valueOf(entry.version())),
        List.of("Created", entry.createdAt() + " by " + entry.createdBy()),
        List.of("Updated", entry.updatedAt() + " by " + entry.updatedBy()),
        List.of("Notes", details.notes().isEmpty() ? "-" : "")));
    // Notes may span lines (the domain allows only tabs and line breaks as control characters).
    details.notes().lines().forEach(line -> output.line("  " + line));
  }

  static String secret(Entry entry) {
    return entry.secret().map(kind -> kind.wireName()).orElse("none");
  }

  private static String tags(EntryDetails details) {
    return details.tags().isEmpty() ? "-"
        : details.tags().stream().map(EntryTag::value).collect(Collectors.joining(", "));
  }
}
