package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.port.out.ApiTokenRepository;
import dev.gatehouse.domain.user.ApiToken;
import dev.gatehouse.domain.user.TokenHash;
import dev.gatehouse.domain.user.UserName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** API tokens in {@code api_tokens}, by SHA-256 only. */
final class JdbcApiTokenRepository implements ApiTokenRepository {
  private final JdbcTransactions db;

  JdbcApiTokenRepository(JdbcTransactions db) {
    this.db = db;
  }

  @Override
  public void add(ApiToken token) {
    db.guarded("add API token of " + token.owner(), c -> {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO api_tokens (token_hash, owner, issued_at) VALUES (?, ?, ?)")) {
        s.setString(1, token.hash().value());
        s.setString(2, token.owner().value());
        Columns.setInstant(s, 3, token.issuedAt());
        return s.executeUpdate();
      }
    });
  }

  @Override
  public Optional<ApiToken> find(TokenHash hash) {
    return db.run("find API token", c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT token_hash, owner, issued_at FROM api_tokens WHERE token_hash = ?")) {
        s.setString(1, hash.value());
        try (ResultSet r = s.executeQuery()) {
          if (!r.next() || !sameHash(hash, r.getString("token_hash"))) {
            return Optional.empty();
          }
          return Optional.of(new ApiToken(new TokenHash(r.getString("token_hash")),
              new UserName(r.getString("owner")), Columns.instant(r, "issued_at")));
        }
      }
    });
  }

  /** The index found the row; the final comparison is constant-time all the same. */
  static boolean sameHash(TokenHash expected, String stored) {
    return MessageDigest.isEqual(expected.value().getBytes(StandardCharsets.US_ASCII),
        stored.getBytes(StandardCharsets.US_ASCII));
  }
}
