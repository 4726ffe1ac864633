package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.entry.EditEntryCommand;
import dev.gatehouse.application.port.in.session.SessionCredentials;
import dev.gatehouse.domain.entry.EntryDetails;
import dev.gatehouse.domain.entry.EntryName;
import dev.gatehouse.domain.entry.SecretChange;
import java.util.List;

/**
 * {@code PUT /api/v1/workspaces/{name}/entries/{entry}}: the entry's new details as a whole (an
 * absent optional field, {@code stepUp} included, is cleared), the {@code version} it was read at, and its secret: an
 * object replaces it, {@code null} removes it, absent keeps it. A {@code name} renames the entry;
 * without one it keeps its name.
 */
record RestEditEntryRequest(String name, String kind, String host, Integer port, String username,
    String domain, String url, String notes, List<String> tags, String stepUp, Long version, RestSecretEdit secret) {

  EditEntryCommand toCommand(SessionCredentials session, EntryName entry) {
    RestFields fields = new RestFields();
    EntryName newName = name == null ? entry : fields.parse("name", () -> new EntryName(name));
    EntryDetails details = RestAddEntryRequest.details(fields, newName, kind, host, port, username, domain, url,
        notes, tags, stepUp);
    if (version == null) {
      fields.reject("version", "is required: the version the entry was read at");
    } else if (version < 0) {
      fields.reject("version", "must not be negative");
    }
    SecretChange change = RestSecretEdit.toDomain(secret, fields);
    fields.check();
    return new EditEntryCommand(session, entry, version, details, change);
  }

  @Override
  public String toString() {
    return "RestEditEntryRequest[name=" + name + ", kind=" + kind + ", version=" + version + ", secret=redacted]";
  }
}
