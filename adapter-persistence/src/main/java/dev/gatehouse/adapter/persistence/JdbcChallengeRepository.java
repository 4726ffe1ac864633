package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.port.out.ChallengeRepository;
import dev.gatehouse.application.port.out.ChallengeRepository.HeldLeases;
import dev.gatehouse.application.port.out.ConcurrentUpdateException;
import dev.gatehouse.domain.challenge.Challenge;
import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.challenge.ChallengePurpose;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.challenge.DuoTransactionId;
import dev.gatehouse.domain.challenge.EndCode;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.challenge.StepUpTarget;
import dev.gatehouse.domain.entry.EntryId;
import dev.gatehouse.domain.session.SessionId;
import dev.gatehouse.domain.challenge.VerificationCode;
import dev.gatehouse.domain.mfa.DeviceId;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Challenges in {@code challenges}: optimistic updates on {@code version}, and the one open push,
 * call or SMS per member and workspace enforced by a unique partial index.
 */
final class JdbcChallengeRepository implements ChallengeRepository {
  private static final String COLUMNS = "id, workspace_id, user_name, purpose, device_id, method, state,"
      + " denial_reason, duo_txid, status_message, wrong_passcodes, created_at, expires_at, session_issued, version,"
      + " verification_code, settled_by, step_up_entry_id, step_up_session_id, end_code";
  private static final String OPEN = "state IN ('PENDING', 'AWAITING_PASSCODE')";
  private static final String OPEN_DEVICE_REQUEST = "method IN ('PUSH', 'PHONE', 'SMS') AND " + OPEN;

  private final JdbcTransactions db;

  JdbcChallengeRepository(JdbcTransactions db) {
    this.db = db;
  }

  @Override
  public void add(Challenge challenge) {
    db.guarded("start challenge", c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO challenges (" + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        s.setString(1, challenge.id().value());
        s.setString(2, challenge.workspace().value());
        s.setString(3, challenge.user().value());
        s.setString(4, challenge.purpose().name());
        s.setString(5, challenge.selection().device().value());
        s.setString(6, challenge.selection().method().name());
        s.setString(7, challenge.state().name());
        Columns.setText(s, 8, challenge.denialReason().map(Enum::name));
        Columns.setText(s, 9, challenge.duoTransaction().map(DuoTransactionId::value));
        s.setString(10, challenge.statusMessage().value());
        s.setInt(11, challenge.passcodeAttempts());
        Columns.setInstant(s, 12, challenge.createdAt());
        Columns.setInstant(s, 13, challenge.expiresAt());
        s.setBoolean(14, challenge.sessionIssued());
        s.setLong(15, challenge.version());
        Columns.setText(s, 16, challenge.verificationCode().map(VerificationCode::value));
        Columns.setText(s, 17, settledBy(challenge));
        Columns.setText(s, 18, challenge.stepUp().map(t -> t.entry().value()));
        Columns.setText(s, 19, challenge.stepUp().map(t -> t.session().value()));
        Columns.setText(s, 20, challenge.endCode().map(Enum::name));
        return s.executeUpdate();
      }
    });
  }

  @Override
  public Challenge update(Challenge challenge) {
    return db.run("update challenge", c -> {
      try (PreparedStatement s = c.prepareStatement("UPDATE challenges SET state = ?, denial_reason = ?,"
          + " duo_txid = ?, status_message = ?, wrong_passcodes = ?, session_issued = ?, verification_code = ?,"
          + " settled_by = ?, end_code = ?, version = version + 1, updated_at = now() WHERE id = ? AND version = ?")) {
        s.setString(1, challenge.state().name());
        Columns.setText(s, 2, challenge.denialReason().map(Enum::name));
        Columns.setText(s, 3, challenge.duoTransaction().map(DuoTransactionId::value));
        s.setString(4, challenge.statusMessage().value());
        s.setInt(5, challenge.passcodeAttempts());
        s.setBoolean(6, challenge.sessionIssued());
        Columns.setText(s, 7, challenge.verificationCode().map(VerificationCode::value));
        Columns.setText(s, 8, settledBy(challenge));
        Columns.setText(s, 9, challenge.endCode().map(Enum::name));
        s.setString(10, challenge.id().value());
        s.setLong(11, challenge.version());
        if (s.executeUpdate() != 1) {
          throw new ConcurrentUpdateException("challenge " + challenge.id() + " changed meanwhile");
        }
      }
      return Challenge.restore(challenge.id(), challenge.workspace(), challenge.user(), challenge.purpose(),
          challenge.selection(), challenge.state(), challenge.denialReason(), challenge.duoTransaction(),
          challenge.statusMessage(), challenge.verificationCode(),
          settledBy(challenge).map(DuoMethod::valueOf), challenge.passcodeAttempts(),
          Columns.micros(challenge.createdAt()), Columns.micros(challenge.expiresAt()), challenge.sessionIssued(),
          challenge.stepUp(), challenge.endCode(), challenge.version() + 1);
    });
  }

  @Override
  public Optional<Challenge> find(ChallengeId id) {
    return db.run("find challenge", c -> one(c, "SELECT " + COLUMNS + " FROM challenges WHERE id = ?",
        id.value()));
  }

  @Override
  public List<Challenge> findAll(Collection<ChallengeId> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return db.run("find " + ids.size() + " challenges", c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM challenges WHERE id = ANY(?)")) {
        s.setArray(1, c.createArrayOf("text", ids.stream().map(ChallengeId::value).toArray()));
        List<Challenge> found = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            found.add(challenge(r));
          }
        }
        return found;
      }
    });
  }

  @Override
  public Optional<Challenge> findOpenDeviceRequest(WorkspaceId workspace, UserName user) {
    return db.run("find open push, call or SMS of " + user, c -> one(c, "SELECT " + COLUMNS
        + " FROM challenges WHERE workspace_id = ? AND user_name = ? AND " + OPEN_DEVICE_REQUEST,
        workspace.value(), user.value()));
  }

  @Override
  public Optional<Challenge> findLatestApprovedStepUp(WorkspaceId workspace, StepUpTarget target) {
    return db.run("find the approved step-up of entry " + target.entry(), c -> one(c, "SELECT " + COLUMNS
        + " FROM challenges WHERE workspace_id = ? AND purpose = 'STEP_UP' AND step_up_entry_id = ?"
        + " AND step_up_session_id = ? AND state = 'APPROVED' ORDER BY created_at DESC, id LIMIT 1",
        workspace.value(), target.entry().value(), target.session().value()));
  }

  // ---- follow leases: apart from the version, so taking one never conflicts with a change ----------

  private static final String FOLLOWABLE = "state = 'PENDING' AND duo_txid IS NOT NULL";

  @Override
  public boolean lease(ChallengeId id, String node, Instant now, Instant until) {
    return db.run("lease a challenge", c -> {
      try (PreparedStatement s = c.prepareStatement("UPDATE challenges SET lease_owner = ?, lease_until = ?"
          + " WHERE id = ? AND " + FOLLOWABLE + " AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < ?)")) {
        s.setString(1, node);
        Columns.setInstant(s, 2, until);
        s.setString(3, id.value());
        s.setString(4, node);
        Columns.setInstant(s, 5, now);
        return s.executeUpdate() == 1;
      }
    });
  }

  @Override
  public HeldLeases renewAndTakeLeases(String node, Instant now, Instant until, Instant unleasedBefore,
      int limit) {
    return db.run("renew and take challenge leases", c -> {
      // Renewed leases come back as ids only: at thousands of pending pushes every few seconds,
      // the rows the node already has would be most of the work.
      Set<ChallengeId> renewed = new HashSet<>();
      try (PreparedStatement s = c.prepareStatement("UPDATE challenges SET lease_until = ? WHERE " + FOLLOWABLE
          + " AND lease_owner = ? RETURNING id")) {
        Columns.setInstant(s, 1, until);
        s.setString(2, node);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            renewed.add(new ChallengeId(r.getString(1)));
          }
        }
      }
      List<Challenge> taken = new ArrayList<>();
      if (limit <= 0) {
        return new HeldLeases(renewed, taken);
      }
      // Takes lapsed leases, and free ones past their starter's turn, skipping rows another node
      // is taking (or a transition is changing) at this moment.
      try (PreparedStatement s = c.prepareStatement("WITH taken AS (SELECT id FROM challenges WHERE " + FOLLOWABLE
          + " AND (lease_until < ? OR (lease_owner IS NULL AND created_at < ?)) AND lease_owner IS DISTINCT FROM ?"
          + " ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED)"
          + " UPDATE challenges SET lease_owner = ?, lease_until = ? WHERE id IN (SELECT id FROM taken)"
          + " RETURNING " + COLUMNS)) {
        Columns.setInstant(s, 1, now);
        Columns.setInstant(s, 2, unleasedBefore);
        s.setString(3, node);
        s.setInt(4, limit);
        s.setString(5, node);
        Columns.setInstant(s, 6, until);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            taken.add(challenge(r));
          }
        }
      }
      return new HeldLeases(renewed, taken);
    });
  }

  @Override
  public void releaseLease(ChallengeId id, String node) {
    db.run("release a challenge lease", c -> {
      try (PreparedStatement s = c.prepareStatement("UPDATE challenges SET lease_owner = NULL, lease_until = NULL"
          + " WHERE id = ? AND lease_owner = ?")) {
        s.setString(1, id.value());
        s.setString(2, node);
        return s.executeUpdate();
      }
    });
  }

  @Override
  public void releaseLeases(String node) {
    db.run("release challenge leases", c -> {
      try (PreparedStatement s = c.prepareStatement("UPDATE challenges SET lease_owner = NULL, lease_until = NULL"
          + " WHERE lease_owner = ?")) {
        s.setString(1, node);
        return s.executeUpdate();
      }
    });
  }

  @Override
  public long countOpen(Instant now) {
    return db.run("count open challenges", c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM challenges WHERE " + OPEN
          + " AND expires_at > ?")) {
        Columns.setInstant(s, 1, now);
        try (ResultSet r = s.executeQuery()) {
          r.next();
          return r.getLong(1);
        }
      }
    });
  }

  @Override
  public List<Challenge> findOpen(WorkspaceId workspace, UserName user) {
    return db.run("find open challenges of " + user, c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM challenges"
          + " WHERE workspace_id = ? AND user_name = ? AND " + OPEN + " ORDER BY created_at, id")) {
        s.setString(1, workspace.value());
        s.setString(2, user.value());
        List<Challenge> open = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            open.add(challenge(r));
          }
        }
        return open;
      }
    });
  }

  /** Stored only when a passcode settled a push or call in its place. */
  private static Optional<String> settledBy(Challenge challenge) {
    return challenge.supersededByPasscode() ? Optional.of(challenge.settledBy().name()) : Optional.empty();
  }

  private static Optional<Challenge> one(Connection c, String sql, String... keys) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < keys.length; i++) {
        s.setString(i + 1, keys[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(challenge(r)) : Optional.empty();
      }
    }
  }

  private static Challenge challenge(ResultSet r) throws SQLException {
    return Challenge.restore(new ChallengeId(r.getString("id")), new WorkspaceId(r.getString("workspace_id")),
        UserName.trusted(r.getString("user_name")), ChallengePurpose.valueOf(r.getString("purpose")),
        new DeviceSelection(new DeviceId(r.getString("device_id")), DuoMethod.valueOf(r.getString("method"))),
        ChallengeState.valueOf(r.getString("state")),
        Columns.optionalText(r, "denial_reason").map(DenialReason::valueOf),
        Columns.optionalText(r, "duo_txid").map(DuoTransactionId::new),
        StatusMessage.of(r.getString("status_message")),
        Columns.optionalText(r, "verification_code").map(VerificationCode::new),
        Columns.optionalText(r, "settled_by").map(DuoMethod::valueOf), r.getInt("wrong_passcodes"),
        Columns.instant(r, "created_at"), Columns.instant(r, "expires_at"), r.getBoolean("session_issued"),
        stepUp(r), Columns.optionalText(r, "end_code").map(EndCode::valueOf), r.getLong("version"));
  }

  private static Optional<StepUpTarget> stepUp(ResultSet r) throws SQLException {
    Optional<String> entry = Columns.optionalText(r, "step_up_entry_id");
    Optional<String> session = Columns.optionalText(r, "step_up_session_id");
    return entry.isPresent() && session.isPresent()
        ? Optional.of(new StepUpTarget(new EntryId(entry.get()), new SessionId(session.get()))) : Optional.empty();
  }
}
