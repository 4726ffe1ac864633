package dev.gatehouse.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationIT {
  @Test
  void migratesAnEmptyDatabaseToTheCurrentSchemaAndThenDoesNothing() throws Exception {
    String database = TestDatabase.createEmptyDatabase();
    try (HikariDataSource pool = TestDatabase.pool(database, 2)) {
      PersistenceRuntime.migrate(pool);
      PersistenceRuntime.migrate(pool);

      try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
        assertThat(strings(s, "SELECT version || ':' || success FROM flyway_schema_history WHERE version IS NOT NULL"
            + " ORDER BY installed_rank"))
            .containsExactly("1:true", "2:true", "9:true");
        assertThat(strings(s, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            + " AND table_name <> 'flyway_schema_history' ORDER BY table_name"))
            .containsExactly("access_guards", "api_tokens", "audit_events", "challenges", "device_choices",
                "mfa_policies", "passcode_failures", "users", "workspace_members", "workspace_sessions", "workspaces");
        assertThat(strings(s, "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'"))
            .contains("challenges_one_open_out_of_band", "challenges_open_by_expiry", "audit_events_by_workspace",
                "audit_events_by_actor", "audit_events_by_subject", "workspace_sessions_latest_duo_approved");
        assertThat(strings(s, "SELECT column_name FROM information_schema.columns WHERE table_name = 'challenges'"))
            .contains("version", "lease_owner", "lease_until", "verification_code", "settled_by");
      }
    } finally {
      TestDatabase.drop(database);
    }
  }

  private static List<String> strings(Statement s, String sql) throws Exception {
    List<String> values = new ArrayList<>();
    try (ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        values.add(r.getString(1));
      }
    }
    return values;
  }
}
