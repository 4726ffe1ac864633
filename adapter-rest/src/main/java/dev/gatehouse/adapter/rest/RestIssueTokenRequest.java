package dev.gatehouse.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.application.port.in.IssueApiTokenCommand;
import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.user.TokenScope;
import dev.gatehouse.domain.user.UserName;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /api/v1/users/{name}/tokens} (optional body): {@code expiresIn} as an ISO-8601
 * duration ({@code "PT8H"}) or whole seconds, and extra {@code scopes} ({@code ["introspect"]}).
 */
record RestIssueTokenRequest(JsonNode expiresIn, List<String> scopes) {
  static final RestIssueTokenRequest NONE = new RestIssueTokenRequest(null, null);

  IssueApiTokenCommand toCommand(UserName actor, UserName owner) {
    RestFields fields = new RestFields();
    Optional<Duration> lifetime = fields.parse("expiresIn", () -> duration(expiresIn));
    Set<TokenScope> parsedScopes = fields.parse("scopes", () -> scopes(scopes));
    fields.check();
    return RestFields.one("expiresIn", () -> new IssueApiTokenCommand(actor, owner, lifetime, parsedScopes));
  }

  private static Optional<Duration> duration(JsonNode value) {
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return Optional.of(Duration.ofSeconds(value.longValue()));
    }
    if (value.isTextual()) {
      try {
        return Optional.of(Duration.parse(value.textValue().strip()));
      } catch (DateTimeParseException e) {
        // Falls through to the one message for every unreadable form.
      }
    }
    throw new InvalidValueException("expiresIn", "must be an ISO-8601 duration such as PT8H or whole seconds");
  }

  private static Set<TokenScope> scopes(List<String> values) {
    Set<TokenScope> parsed = EnumSet.noneOf(TokenScope.class);
    if (values == null) {
      return parsed;
    }
    for (String value : values) {
      try {
        parsed.add(TokenScope.fromWireName(value));
      } catch (IllegalArgumentException e) {
        throw new InvalidValueException("scopes", e.getMessage());
      }
    }
    return parsed;
  }
}
