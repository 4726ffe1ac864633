package dev.gatehouse.adapter.cli;

import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.entry.EntryDetails;
import dev.gatehouse.domain.entry.EntryKind;
import dev.gatehouse.domain.entry.EntryName;
import dev.gatehouse.domain.entry.EntryTag;
import dev.gatehouse.domain.entry.StepUp;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * What {@code entry add} and {@code entry edit} say about a connection: kind, host, port, user
 * name, domain, URL, notes, tags and step-up. For {@code add} kind and host are required; for
 * {@code edit} an option not given keeps the entry's value and an empty one clears an optional
 * field.
 */
final class EntryDetailsOptions {
  @Option(names = "--kind", paramLabel = "rdp|ssh|vnc|web|database|other",
      description = "What the entry connects to: rdp, ssh, vnc, web, database or other.")
  String kind;

  @Option(names = "--host", paramLabel = "HOST", description = "The host name or address.")
  String host;

  @Option(names = "--port", paramLabel = "N", description = "The port, 1 to 65535.")
  String port;

  @Option(names = "--username", paramLabel = "USER", description = "The user name to connect as.")
  String username;

  @Option(names = "--domain", paramLabel = "DOMAIN", description = "The (Windows) domain.")
  String domain;

  @Option(names = "--url", paramLabel = "URL", description = "An absolute URL, such as https://host/path.")
  String url;

  @Option(names = "--notes", paramLabel = "TEXT", description = "Free text, at most 4 KiB; never put secrets here.")
  String notes;

  @Option(names = "--tag", paramLabel = "TAG", description = "A tag; repeat for several.")
  List<String> tags;

  @Option(names = "--step-up", paramLabel = "AGE",
      description = "Revealing the secret needs a Duo approval for it no older than AGE (1m to 24h, e.g. 5m, 1h30m,"
          + " PT5M), even in an open workspace; empty: none.")
  String stepUp;

  private static final Pattern SHORT_DURATION = Pattern.compile("(?:(\\d{1,5})h)?(?:(\\d{1,5})m)?(?:(\\d{1,6})s)?");

  /** The details of a new entry; kind and host are required. */
  EntryDetails forNew(EntryName name) {
    if (kind == null) {
      throw new CliInputException("--kind is required: one of " + EntryKind.accepted());
    }
    if (host == null) {
      throw new CliInputException("--host is required");
    }
    return build(name, kind(), host, port(), text(username), text(domain), text(url),
        notes == null ? "" : notes, tags().orElse(Set.of())).withStepUp(stepUp());
  }

  /**
   * Checks the options given for an edit on their own, before the entry is read; the edit itself
   * is {@link #over(EntryDetails, EntryName)}.
   */
  void checkForEdit(Optional<EntryName> rename) {
    Optional<EntryKind> newKind = Optional.ofNullable(kind).map(k -> kind());
    if (host != null && host.isBlank()) {
      throw new CliInputException("--host must not be empty");
    }
    build(rename.orElse(new EntryName("placeholder")), newKind.orElse(EntryKind.OTHER),
        host == null ? "placeholder" : host, port(), text(username), text(domain), text(url),
        notes == null ? "" : notes, tags().orElse(Set.of()));
    stepUp();
  }

  /** The entry's details with the options given laid over them. */
  EntryDetails over(EntryDetails current, EntryName name) {
    return build(name, kind == null ? current.kind() : kind(), host == null ? current.host() : host,
        port == null ? current.port() : port(),
        username == null ? current.username() : text(username),
        domain == null ? current.domain() : text(domain),
        url == null ? current.url() : text(url),
        notes == null ? current.notes() : notes,
        tags().map(Set::copyOf).orElse(Set.copyOf(current.tags())))
        .withStepUp(stepUp == null ? current.stepUp() : stepUp());
  }

  /** Empty when not given or given empty (which clears it on edit). */
  private Optional<StepUp> stepUp() {
    if (stepUp == null || stepUp.isBlank()) {
      return Optional.empty();
    }
    Duration age = parse("--step-up", stepUp.strip(), EntryDetailsOptions::duration);
    try {
      return Optional.of(new StepUp(age));
    } catch (InvalidValueException e) {
      throw new CliInputException("--step-up " + e.reason());
    }
  }

  /** {@code 5m}, {@code 90s}, {@code 1h30m}, or ISO-8601 such as {@code PT5M}. */
  static Duration duration(String text) {
    if (text.startsWith("P") || text.startsWith("p")) {
      try {
        return Duration.parse(text);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("must be a duration such as 5m, 1h30m or PT5M");
      }
    }
    Matcher m = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
    if (text.isEmpty() || !m.matches()) {
      throw new IllegalArgumentException("must be a duration such as 5m, 1h30m or PT5M");
    }
    return Duration.ofHours(number(m.group(1))).plusMinutes(number(m.group(2))).plusSeconds(number(m.group(3)));
  }

  private static long number(String digits) {
    return digits == null ? 0 : Long.parseLong(digits);
  }

  private static EntryDetails build(EntryName name, EntryKind kind, String host, Optional<Integer> port,
      Optional<String> username, Optional<String> domain, Optional<String> url, String notes, Set<EntryTag> tags) {
    try {
      return EntryDetails.of(name, kind, host, port, username, domain, url, notes, tags);
    } catch (InvalidValueException e) {
      throw new CliInputException("--" + option(e.field()) + " " + e.reason());
    }
  }

  private static String option(String field) {
    return switch (field) {
      case "tags" -> "tag";
      case "name", "entryName" -> "name";
      default -> field;
    };
  }

  private EntryKind kind() {
    return parse("--kind", kind, EntryKind::fromWireName);
  }

  /** Empty when not given or given empty (which clears it on edit). */
  private Optional<Integer> port() {
    if (port == null || port.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(parse("--port", port.strip(), text -> {
      try {
        return Integer.valueOf(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("must be a number from 1 to 65535");
      }
    }));
  }

  /** The tags given; an empty {@code --tag ""} alone clears them on edit. */
  private Optional<Set<EntryTag>> tags() {
    if (tags == null) {
      return Optional.empty();
    }
    Set<EntryTag> parsed = new TreeSet<>();
    for (String tag : tags) {
      if (!tag.isBlank()) {
        parsed.add(CliArguments.parse("--tag", tag, EntryTag::new));
      }
    }
    return Optional.of(parsed);
  }

  private static Optional<String> text(String value) {
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }

  private static <T> T parse(String option, String text, Function<String, T> parser) {
    try {
      return CliArguments.parse(option, text, parser);
    } catch (IllegalArgumentException e) {
      throw new CliInputException(option + " " + e.getMessage());
    }
  }
}
