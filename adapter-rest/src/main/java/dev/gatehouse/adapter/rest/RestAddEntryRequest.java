package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.entry.AddEntryCommand;
import dev.gatehouse.application.port.in.session.SessionCredentials;
import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.entry.EntryDetails;
import dev.gatehouse.domain.entry.EntryKind;
import dev.gatehouse.domain.entry.EntryName;
import dev.gatehouse.domain.entry.EntrySecret;
import dev.gatehouse.domain.entry.EntryTag;
import dev.gatehouse.domain.entry.StepUp;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code POST /api/v1/workspaces/{name}/entries}: name, kind, host, optional port, username,
 * domain, url, notes and tags, an optional {@code stepUp} (ISO-8601 duration, e.g. {@code PT5M}),
 * and an optional write-only {@code secret}.
 */
record RestAddEntryRequest(String name, String kind, String host, Integer port, String username,
    String domain, String url, String notes, List<String> tags, String stepUp, RestSecretRequest secret) {

  AddEntryCommand toCommand(SessionCredentials session) {
    RestFields fields = new RestFields();
    EntryName entry = fields.parse("name", () -> new EntryName(name));
    EntryDetails details = details(fields, entry, kind, host, port, username, domain, url, notes, tags, stepUp);
    Optional<EntrySecret> parsed = secret == null ? Optional.empty() : Optional.ofNullable(secret.toDomain(fields));
    fields.check();
    return new AddEntryCommand(session, details, parsed);
  }

  /**
   * Entry details from request fields, recording every invalid field: name, kind and tags one by
   * one, then the rest as the domain checks them together (the first broken rule among them).
   */
  static EntryDetails details(RestFields fields, EntryName name, String kind, String host, Integer port,
      String username, String domain, String url, String notes, List<String> tags, String stepUp) {
    EntryKind parsedKind = fields.parse("kind", () -> kind(kind));
    Set<EntryTag> parsedTags = fields.parse("tags", () -> tags(tags));
    Optional<StepUp> parsedStepUp = fields.parse("stepUp", () -> stepUp(stepUp));
    if (name == null || parsedKind == null || parsedTags == null || parsedStepUp == null) {
      return null;
    }
    return fields.parseNamed("", () -> EntryDetails.of(name, parsedKind, host, Optional.ofNullable(port),
        Optional.ofNullable(username), Optional.ofNullable(domain), Optional.ofNullable(url),
        notes == null ? "" : notes, parsedTags).withStepUp(parsedStepUp));
  }

  private static Optional<StepUp> stepUp(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new StepUp(Duration.parse(text.strip())));
    } catch (DateTimeParseException e) {
      throw new InvalidValueException("stepUp", "must be an ISO-8601 duration such as PT5M");
    }
  }

  private static EntryKind kind(String text) {
    if (text == null) {
      throw new InvalidValueException("kind", "is required: one of " + EntryKind.accepted());
    }
    try {
      return EntryKind.fromWireName(text.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException("kind", e.getMessage());
    }
  }

  private static Set<EntryTag> tags(List<String> values) {
    Set<EntryTag> parsed = new TreeSet<>();
    if (values == null) {
      return parsed;
    }
    for (String value : values) {
      if (value == null) {
        throw new InvalidValueException("tags", "must not contain null");
      }
      parsed.add(new EntryTag(value));
    }
    return parsed;
  }

  @Override
  public String toString() {
    return "RestAddEntryRequest[name=" + name + ", kind=" + kind + ", stepUp=" + stepUp + ", secret=redacted]";
  }
}
