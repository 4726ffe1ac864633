package dev.gatehouse.domain.entry;

import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.common.Require;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What an entry says about its connection, everything but the secret: name, kind, host, optional
 * port, user name, domain and URL, notes, tags, and the step-up its reveal needs, if any. Each
 * field is checked here, once.
 */
public record EntryDetails(EntryName name, EntryKind kind, String host, Optional<Integer> port,
    Optional<String> username, Optional<String> domain, Optional<String> url, String notes,
    SortedSet<EntryTag> tags, Optional<StepUp> stepUp) {
  public static final int MAX_NOTES_BYTES = 4 * 1024;
  public static final int MAX_TAGS = 20;
  private static final Pattern HOST = Pattern.compile("[^\\s/\\\\]{1,253}");
  private static final Pattern URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]{0,31}://\\S{1,2000}");

  public EntryDetails {
    Require.notNull("name", name);
    Require.notNull("kind", kind);
    host = Require.notBlank("host", host).strip();
    Require.noControlCharacters("host", host);
    Require.matches("host", host, HOST, "a host name or address (1 to 253 characters, no spaces or slashes)");
    Require.notNull("port", port).ifPresent(p -> Require.inRange("port", p, 1, 65535));
    username = line("username", username, 256);
    domain = line("domain", domain, 253);
    url = line("url", url, 2048);
    url.ifPresent(u -> Require.matches("url", u, URL, "an absolute URL such as https://host/path"));
    notes = Require.notNull("notes", notes).strip();
    Require.maxUtf8Bytes("notes", notes, MAX_NOTES_BYTES);
    if (notes.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r')) {
      throw new InvalidValueException("notes", "must not contain control characters other than tabs and line breaks");
    }
    Require.notNull("tags", tags);
    if (tags.size() > MAX_TAGS) {
      throw new InvalidValueException("tags", "must be at most " + MAX_TAGS);
    }
    tags = Collections.unmodifiableSortedSet(new TreeSet<>(tags));
    Require.notNull("stepUp", stepUp);
  }

  /** Details without a step-up. */
  public EntryDetails(EntryName name, EntryKind kind, String host, Optional<Integer> port,
      Optional<String> username, Optional<String> domain, Optional<String> url, String notes,
      SortedSet<EntryTag> tags) {
    this(name, kind, host, port, username, domain, url, notes, tags, Optional.empty());
  }

  /** Details with the given tags (any set; sorted and de-duplicated), without a step-up. */
  public static EntryDetails of(EntryName name, EntryKind kind, String host, Optional<Integer> port,
      Optional<String> username, Optional<String> domain, Optional<String> url, String notes,
      Set<EntryTag> tags) {
    return new EntryDetails(name, kind, host, port, username, domain, url, notes,
        new TreeSet<>(Require.notNull("tags", tags)));
  }

  /** The same details with the given step-up (or none). */
  public EntryDetails withStepUp(Optional<StepUp> newStepUp) {
    return new EntryDetails(name, kind, host, port, username, domain, url, notes, tags, newStepUp);
  }

  private static Optional<String> line(String field, Optional<String> value, int max) {
    Optional<String> stripped = Require.notNull(field, value).map(String::strip).filter(v -> !v.isEmpty());
    stripped.ifPresent(v -> {
      Require.maxLength(field, v, max);
      Require.noControlCharacters(field, v);
    });
    return stripped;
  }
}
