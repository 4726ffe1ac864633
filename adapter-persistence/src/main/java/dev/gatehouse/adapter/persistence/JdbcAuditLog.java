package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.port.out.AuditFilter;
import dev.gatehouse.application.port.out.AuditLog;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.DuoTransactionId;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** The audit trail in {@code audit_events}: insert only (a trigger refuses the rest), read newest first. */
final class JdbcAuditLog implements AuditLog {
  private final JdbcTransactions db;

  JdbcAuditLog(JdbcTransactions db) {
    this.db = db;
  }

  @Override
  public void append(AuditEvent event) {
    db.run("append audit event " + event.type(), c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_events (occurred_at, type, actor,"
          + " workspace, subject, method, duo_txid, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        Columns.setInstant(s, 1, event.at());
        s.setString(2, event.type().name());
        Columns.setText(s, 3, event.actor().map(UserName::value));
        Columns.setText(s, 4, event.workspace().map(WorkspaceName::value));
        Columns.setText(s, 5, event.subject().map(UserName::value));
        Columns.setText(s, 6, event.method().map(Enum::name));
        Columns.setText(s, 7, event.duoTransaction().map(DuoTransactionId::value));
        // PostgreSQL text cannot hold NUL; the domain allows it in free text.
        s.setString(8, event.outcome().replace('\u0000', '\uFFFD'));
        s.setString(9, event.detail().replace('\u0000', '\uFFFD'));
        return s.executeUpdate();
      }
    });
  }

  @Override
  public List<AuditEvent> list(AuditFilter filter) {
    StringBuilder sql = new StringBuilder("SELECT occurred_at, type, actor, workspace, subject, method, duo_txid,"
        + " outcome, detail FROM audit_events WHERE true");
    List<String> parameters = new ArrayList<>();
    filter.workspace().ifPresent(w -> {
      sql.append(" AND workspace = ?");
      parameters.add(w.value());
    });
    filter.user().ifPresent(u -> {
      sql.append(" AND (actor = ? OR subject = ?)");
      parameters.add(u.value());
      parameters.add(u.value());
    });
    sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ?");
    return db.run("list audit events", c -> {
      try (PreparedStatement s = c.prepareStatement(sql.toString())) {
        int index = 1;
        for (String parameter : parameters) {
          s.setString(index++, parameter);
        }
        s.setInt(index, filter.limit());
        List<AuditEvent> events = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            events.add(new AuditEvent(Columns.instant(r, "occurred_at"), AuditEventType.valueOf(r.getString("type")),
                Columns.optionalText(r, "actor").map(UserName::trusted),
                Columns.optionalText(r, "workspace").map(WorkspaceName::new),
                Columns.optionalText(r, "subject").map(UserName::trusted),
                Columns.optionalText(r, "method").map(DuoMethod::valueOf),
                Columns.optionalText(r, "duo_txid").map(DuoTransactionId::new),
                r.getString("outcome"), r.getString("detail")));
          }
        }
        return events;
      }
    });
  }
}
