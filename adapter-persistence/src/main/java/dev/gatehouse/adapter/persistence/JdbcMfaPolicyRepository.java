package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.port.out.MfaPolicyRepository;
import dev.gatehouse.domain.mfa.ApiHostname;
import dev.gatehouse.domain.mfa.DuoSecretKey;
import dev.gatehouse.domain.mfa.DuoSettings;
import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.mfa.IntegrationKey;
import dev.gatehouse.domain.mfa.MfaOptions;
import dev.gatehouse.domain.mfa.MfaPolicy;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/** MFA policies in {@code mfa_policies}; the Duo secret key is sealed by {@link SecretCipher}. */
final class JdbcMfaPolicyRepository implements MfaPolicyRepository {
  private final JdbcTransactions db;
  private final SecretCipher cipher;

  JdbcMfaPolicyRepository(JdbcTransactions db, SecretCipher cipher) {
    this.db = db;
    this.cipher = cipher;
  }

  /** Binds the ciphertext to its column and workspace. */
  static String associatedData(WorkspaceId workspace) {
    return "mfa_policies.duo_secret|" + workspace.value();
  }

  @Override
  public void save(WorkspaceId workspace, MfaPolicy policy) {
    if (policy instanceof MfaPolicy.Duo duo) {
      saveDuo(workspace, duo);
      return;
    }
    db.run("disable MFA of workspace " + workspace, c -> {
      try (PreparedStatement s = c.prepareStatement("DELETE FROM mfa_policies WHERE workspace_id = ?")) {
        s.setString(1, workspace.value());
        return s.executeUpdate();
      }
    });
  }

  private void saveDuo(WorkspaceId workspace, MfaPolicy.Duo duo) {
    SecretCipher.Sealed sealed = cipher.seal(duo.settings().secretKey().reveal(), associatedData(workspace));
    MfaOptions options = duo.options();
    db.run("save MFA policy of workspace " + workspace, c -> {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO mfa_policies (workspace_id, provider, api_hostname, integration_key, duo_secret_key_id,"
              + " duo_secret_nonce, duo_secret_ciphertext, failmode, session_lifetime_ms, challenge_lifetime_ms,"
              + " push_cooldown_ms, remember_for_ms, updated_at) VALUES (?, 'DUO', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())"
              + " ON CONFLICT (workspace_id) DO UPDATE SET provider = excluded.provider,"
              + " api_hostname = excluded.api_hostname, integration_key = excluded.integration_key,"
              + " duo_secret_key_id = excluded.duo_secret_key_id, duo_secret_nonce = excluded.duo_secret_nonce,"
              + " duo_secret_ciphertext = excluded.duo_secret_ciphertext, failmode = excluded.failmode,"
              + " session_lifetime_ms = excluded.session_lifetime_ms,"
              + " challenge_lifetime_ms = excluded.challenge_lifetime_ms,"
              + " push_cooldown_ms = excluded.push_cooldown_ms, remember_for_ms = excluded.remember_for_ms,"
              + " updated_at = now()")) {
        s.setString(1, workspace.value());
        s.setString(2, duo.settings().apiHostname().value());
        s.setString(3, duo.settings().integrationKey().value());
        s.setString(4, sealed.keyId());
        s.setBytes(5, sealed.nonce());
        s.setBytes(6, sealed.ciphertext());
        s.setString(7, duo.failmode().name());
        s.setLong(8, options.sessionLifetime().toMillis());
        s.setLong(9, options.challengeLifetime().toMillis());
        s.setLong(10, options.pushCooldown().toMillis());
        s.setLong(11, options.rememberFor().toMillis());
        return s.executeUpdate();
      }
    });
  }

  @Override
  public MfaPolicy find(WorkspaceId workspace) {
    return db.run("find MFA policy of workspace " + workspace, c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT api_hostname, integration_key, duo_secret_key_id, duo_secret_nonce, duo_secret_ciphertext,"
              + " failmode, session_lifetime_ms, challenge_lifetime_ms, push_cooldown_ms, remember_for_ms"
              + " FROM mfa_policies WHERE workspace_id = ?")) {
        s.setString(1, workspace.value());
        try (ResultSet r = s.executeQuery()) {
          if (!r.next()) {
            return MfaPolicy.NONE;
          }
          SecretCipher.Sealed sealed = new SecretCipher.Sealed(r.getString("duo_secret_key_id"),
              r.getBytes("duo_secret_nonce"), r.getBytes("duo_secret_ciphertext"));
          DuoSecretKey secretKey = new DuoSecretKey(
              cipher.open(sealed, associatedData(workspace), "the Duo secret key of workspace " + workspace));
          DuoSettings settings = new DuoSettings(new ApiHostname(r.getString("api_hostname")),
              new IntegrationKey(r.getString("integration_key")), secretKey);
          return new MfaPolicy.Duo(settings, Failmode.valueOf(r.getString("failmode")), options(r));
        }
      }
    });
  }

  /** The options alone: nothing is decrypted. */
  @Override
  public MfaOptions options(WorkspaceId workspace) {
    return db.run("find MFA options of workspace " + workspace, c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT session_lifetime_ms, challenge_lifetime_ms,"
          + " push_cooldown_ms, remember_for_ms FROM mfa_policies WHERE workspace_id = ?")) {
        s.setString(1, workspace.value());
        try (ResultSet r = s.executeQuery()) {
          return r.next() ? options(r) : MfaOptions.DEFAULTS;
        }
      }
    });
  }

  private static MfaOptions options(ResultSet r) throws SQLException {
    return new MfaOptions(Duration.ofMillis(r.getLong("session_lifetime_ms")),
        Duration.ofMillis(r.getLong("challenge_lifetime_ms")), Duration.ofMillis(r.getLong("push_cooldown_ms")),
        Duration.ofMillis(r.getLong("remember_for_ms")));
  }
}
