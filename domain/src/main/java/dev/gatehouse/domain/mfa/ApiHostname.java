package dev.gatehouse.domain.mfa;

import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.common.Require;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API hostname of a Duo application ({@code api-xxxxxxxx.duosecurity.com}), optionally with a
 * port for a local simulator or proxy; lower-cased, without scheme or path.
 */
public record ApiHostname(String value) {
  private static final Pattern SHAPE = Pattern.compile(
      "(?=.{1,253}(:|$))[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*"
          + "(:[0-9]{1,5})?");

  public ApiHostname {
    value = Require.notBlank("apiHostname", value).strip().toLowerCase(Locale.ROOT);
    if (value.contains("://") || value.contains("/")) {
      throw new InvalidValueException("apiHostname",
          "must be a host name such as api-xxxxxxxx.duosecurity.com, without scheme or path");
    }
    Require.matches("apiHostname", value, SHAPE,
        "a host name such as api-xxxxxxxx.duosecurity.com, optionally with :port");
    int colon = value.indexOf(':');
    if (colon >= 0) {
      Require.inRange("apiHostname port", Integer.parseInt(value.substring(colon + 1)), 1, 65535);
    }
  }

  /** The host without port, as Duo's signature expects it. */
  public String host() {
    int colon = value.indexOf(':');
    return colon < 0 ? value : value.substring(0, colon);
  }

  /** The explicit port, if one was given. */
  public Optional<Integer> port() {
    int colon = value.indexOf(':');
    return colon < 0 ? Optional.empty() : Optional.of(Integer.parseInt(value.substring(colon + 1)));
  }

  @Override
  public String toString() {
    return value;
  }
}
