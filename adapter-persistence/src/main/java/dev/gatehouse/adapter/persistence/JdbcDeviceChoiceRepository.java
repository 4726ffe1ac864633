package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.port.out.DeviceChoiceRepository;
import dev.gatehouse.domain.mfa.DeviceChoice;
import dev.gatehouse.domain.mfa.DeviceId;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Device choices in {@code device_choices}, one row per member and workspace. */
final class JdbcDeviceChoiceRepository implements DeviceChoiceRepository {
  private final JdbcTransactions db;

  JdbcDeviceChoiceRepository(JdbcTransactions db) {
    this.db = db;
  }

  @Override
  public void save(DeviceChoice choice) {
    db.run("save device choice of " + choice.user(), c -> {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO device_choices (workspace_id, user_name, active_device, active_method, pending_device,"
              + " pending_method, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
              + " ON CONFLICT (workspace_id, user_name) DO UPDATE SET active_device = excluded.active_device,"
              + " active_method = excluded.active_method, pending_device = excluded.pending_device,"
              + " pending_method = excluded.pending_method, updated_at = excluded.updated_at")) {
        s.setString(1, choice.workspace().value());
        s.setString(2, choice.user().value());
        Columns.setText(s, 3, choice.active().map(a -> a.device().value()));
        Columns.setText(s, 4, choice.active().map(a -> a.method().name()));
        Columns.setText(s, 5, choice.pending().map(p -> p.device().value()));
        Columns.setText(s, 6, choice.pending().map(p -> p.method().name()));
        Columns.setInstant(s, 7, choice.updatedAt());
        return s.executeUpdate();
      }
    });
  }

  @Override
  public Optional<DeviceChoice> find(WorkspaceId workspace, UserName user) {
    return db.run("find device choice of " + user, c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT active_device, active_method, pending_device, pending_method, updated_at"
              + " FROM device_choices WHERE workspace_id = ? AND user_name = ?")) {
        s.setString(1, workspace.value());
        s.setString(2, user.value());
        try (ResultSet r = s.executeQuery()) {
          if (!r.next()) {
            return Optional.empty();
          }
          return Optional.of(DeviceChoice.restore(workspace, user, selection(r, "active"),
              selection(r, "pending"), Columns.instant(r, "updated_at")));
        }
      }
    });
  }

  private static Optional<DeviceSelection> selection(ResultSet r, String prefix) throws SQLException {
    String device = r.getString(prefix + "_device");
    if (device == null) {
      return Optional.empty();
    }
    return Optional.of(new DeviceSelection(new DeviceId(device), DuoMethod.valueOf(r.getString(prefix + "_method"))));
  }
}
