package dev.gatehouse.domain.entry;

import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A remote connection and its credential in a workspace. The aggregate knows whether it has a
 * secret and of which kind, never the secret itself: that is sealed in storage and revealed on
 * its own, audited path. {@code version} counts stored changes for optimistic locking.
 */
public final class Entry {
  private final EntryId id;
  private final WorkspaceId workspace;
  private final EntryDetails details;
  private final Optional<SecretKind> secret;
  private final Instant createdAt;
  private final UserName createdBy;
  private final Instant updatedAt;
  private final UserName updatedBy;
  private final long version;

  private Entry(EntryId id, WorkspaceId workspace, EntryDetails details, Optional<SecretKind> secret,
      Instant createdAt, UserName createdBy, Instant updatedAt, UserName updatedBy, long version) {
    this.id = Require.notNull("entryId", id);
    this.workspace = Require.notNull("workspace", workspace);
    this.details = Require.notNull("details", details);
    this.secret = Require.notNull("secret", secret);
    this.createdAt = Require.notNull("createdAt", createdAt);
    this.createdBy = Require.notNull("createdBy", createdBy);
    this.updatedAt = Require.notNull("updatedAt", updatedAt);
    this.updatedBy = Require.notNull("updatedBy", updatedBy);
    if (version < 0) {
      throw new InvalidValueException("version", "must not be negative");
    }
    this.version = version;
  }

  /** A new entry, version 0. */
  public static Entry create(EntryId id, WorkspaceId workspace, EntryDetails details,
      Optional<SecretKind> secret, UserName by, Instant now) {
    return new Entry(id, workspace, details, secret, now, by, now, by, 0);
  }

  public static Entry restore(EntryId id, WorkspaceId workspace, EntryDetails details,
      Optional<SecretKind> secret, Instant createdAt, UserName createdBy, Instant updatedAt,
      UserName updatedBy, long version) {
    return new Entry(id, workspace, details, secret, createdAt, createdBy, updatedAt, updatedBy, version);
  }

  /**
   * The entry after an edit, at the same version: storage stores it only while the stored
   * version is still this one, and counts it up.
   */
  public Entry edit(EntryDetails newDetails, SecretChange change, UserName by, Instant now) {
    Optional<SecretKind> next = secret;
    if (change instanceof SecretChange.Replace replace) {
      next = Optional.of(replace.secret().kind());
    } else if (change instanceof SecretChange.Clear) {
      next = Optional.empty();
    }
    return new Entry(id, workspace, newDetails, next, createdAt, createdBy, now, by, version);
  }

  /** The same entry as stored one version later. */
  public Entry nextVersion() {
    return new Entry(id, workspace, details, secret, createdAt, createdBy, updatedAt, updatedBy, version + 1);
  }

  public EntryId id() {
    return id;
  }

  public WorkspaceId workspace() {
    return workspace;
  }

  public EntryName name() {
    return details.name();
  }

  public EntryDetails details() {
    return details;
  }

  /** The kind of the stored secret; empty when the entry has none. */
  public Optional<SecretKind> secret() {
    return secret;
  }

  public boolean hasSecret() {
    return secret.isPresent();
  }

  public Instant createdAt() {
    return createdAt;
  }

  public UserName createdBy() {
    return createdBy;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public UserName updatedBy() {
    return updatedBy;
  }

  public long version() {
    return version;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Entry other && id.equals(other.id) && workspace.equals(other.workspace)
        && details.equals(other.details) && secret.equals(other.secret)
        && createdAt.equals(other.createdAt) && createdBy.equals(other.createdBy)
        && updatedAt.equals(other.updatedAt) && updatedBy.equals(other.updatedBy)
        && version == other.version;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, version);
  }

  @Override
  public String toString() {
    return "Entry[" + details.name() + ", " + details.kind().wireName() + ", v" + version + "]";
  }
}
