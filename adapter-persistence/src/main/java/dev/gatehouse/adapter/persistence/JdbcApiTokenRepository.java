package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.port.out.ApiTokenRepository;
import dev.gatehouse.application.port.out.ApiTokenRepository.OwnedToken;
import dev.gatehouse.domain.user.ApiToken;
import dev.gatehouse.domain.user.TokenHash;
import dev.gatehouse.domain.user.TokenId;
import dev.gatehouse.domain.user.TokenScope;
import dev.gatehouse.domain.user.UserName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** API tokens in {@code api_tokens}, by SHA-256 only; revoked tokens are kept, marked. */
final class JdbcApiTokenRepository implements ApiTokenRepository {
  private static final String COLUMNS =
      "id, token_hash, owner, scopes, issued_at, expires_at, last_used_at, revoked_at";

  private final JdbcTransactions db;

  JdbcApiTokenRepository(JdbcTransactions db) {
    this.db = db;
  }

  @Override
  public void add(ApiToken token) {
    db.guarded("add API token of " + token.owner(), c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO api_tokens (" + COLUMNS + ")"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        s.setString(1, token.id().value());
        s.setString(2, token.hash().value());
        s.setString(3, token.owner().value());
        s.setArray(4, c.createArrayOf("text", token.scopes().stream().map(Enum::name).sorted().toArray()));
        Columns.setInstant(s, 5, token.issuedAt());
        Columns.setInstant(s, 6, token.expiresAt().orElse(null));
        Columns.setInstant(s, 7, token.lastUsedAt().orElse(null));
        Columns.setInstant(s, 8, token.revokedAt().orElse(null));
        return s.executeUpdate();
      }
    });
  }

  @Override
  public Optional<OwnedToken> find(TokenHash hash) {
    return db.run("find API token", c -> {
      // The owner comes in the same statement: a request is authenticated with one look-up.
      try (PreparedStatement s = c.prepareStatement("SELECT t.id, t.token_hash, t.owner, t.scopes, t.issued_at,"
          + " t.expires_at, t.last_used_at, t.revoked_at, " + JdbcUserRepository.COLUMNS
          + " FROM api_tokens t JOIN users u ON u.name = t.owner WHERE t.token_hash = ?")) {
        s.setString(1, hash.value());
        try (ResultSet r = s.executeQuery()) {
          if (!r.next() || !sameHash(hash, r.getString("token_hash"))) {
            return Optional.empty();
          }
          return Optional.of(new OwnedToken(token(r), JdbcUserRepository.user(r)));
        }
      }
    });
  }

  @Override
  public Optional<ApiToken> find(TokenId id) {
    return db.run("find API token " + id, c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM api_tokens WHERE id = ?")) {
        s.setString(1, id.value());
        try (ResultSet r = s.executeQuery()) {
          return r.next() ? Optional.of(token(r)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public List<ApiToken> list(Optional<UserName> owner) {
    return db.run("list API tokens", c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM api_tokens"
          + (owner.isPresent() ? " WHERE owner = ?" : "") + " ORDER BY issued_at DESC, id")) {
        if (owner.isPresent()) {
          s.setString(1, owner.get().value());
        }
        try (ResultSet r = s.executeQuery()) {
          List<ApiToken> tokens = new ArrayList<>();
          while (r.next()) {
            tokens.add(token(r));
          }
          return tokens;
        }
      }
    });
  }

  /** Never moves the last use back in time: two nodes recording uses out of order keep the later one. */
  @Override
  public boolean touch(TokenId id, Instant usedAt) {
    return db.run("record the use of API token " + id, c -> {
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE api_tokens SET last_used_at = greatest(last_used_at, ?) WHERE id = ?")) {
        Columns.setInstant(s, 1, usedAt);
        s.setString(2, id.value());
        return s.executeUpdate() == 1;
      }
    });
  }

  @Override
  public boolean revoke(TokenId id, Instant at) {
    return db.run("revoke API token " + id, c -> {
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
        Columns.setInstant(s, 1, at);
        s.setString(2, id.value());
        return s.executeUpdate() == 1;
      }
    });
  }

  @Override
  public int revokeAllOf(UserName owner, Instant at) {
    return db.run("revoke the API tokens of " + owner, c -> {
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE api_tokens SET revoked_at = ? WHERE owner = ? AND revoked_at IS NULL")) {
        Columns.setInstant(s, 1, at);
        s.setString(2, owner.value());
        return s.executeUpdate();
      }
    });
  }

  private static ApiToken token(ResultSet r) throws SQLException {
    Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
    Array array = r.getArray("scopes");
    for (Object scope : (Object[]) array.getArray()) {
      scopes.add(TokenScope.valueOf((String) scope));
    }
    array.free();
    return new ApiToken(new TokenId(r.getString("id")), new TokenHash(r.getString("token_hash")),
        UserName.trusted(r.getString("owner")), scopes, Columns.instant(r, "issued_at"),
        Columns.optionalInstant(r, "expires_at"), Columns.optionalInstant(r, "last_used_at"),
        Columns.optionalInstant(r, "revoked_at"));
  }

  /** The index found the row; the final comparison is constant-time all the same. */
  static boolean sameHash(TokenHash expected, String stored) {
    return MessageDigest.isEqual(expected.value().getBytes(StandardCharsets.US_ASCII),
        stored.getBytes(StandardCharsets.US_ASCII));
  }
}
