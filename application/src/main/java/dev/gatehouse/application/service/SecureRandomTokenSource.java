package dev.gatehouse.application.service;

import dev.gatehouse.application.port.out.SecureTokenSource;
import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.entry.EntryId;
import dev.gatehouse.domain.session.SessionId;
import dev.gatehouse.domain.user.TokenId;
import dev.gatehouse.domain.user.SecretToken;
import dev.gatehouse.domain.user.TokenHash;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** The JDK's implementation of {@link SecureTokenSource}: SecureRandom and SHA-256. */
public final class SecureRandomTokenSource implements SecureTokenSource {
  private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

  private final SecureRandom random;

  public SecureRandomTokenSource() {
    this(new SecureRandom());
  }

  public SecureRandomTokenSource(SecureRandom random) {
    this.random = random;
  }

  @Override
  public ChallengeId newChallengeId() {
    return new ChallengeId(publicId(16));
  }

  @Override
  public WorkspaceId newWorkspaceId() {
    return new WorkspaceId(publicId(16));
  }

  @Override
  public EntryId newEntryId() {
    return new EntryId(publicId(16));
  }

  @Override
  public SessionId newSessionId() {
    return new SessionId(publicId(16));
  }

  @Override
  public TokenId newTokenId() {
    return new TokenId(publicId(12));
  }

  @Override
  public SecretToken newToken() {
    return new SecretToken(randomText(32));
  }

  @Override
  public TokenHash hash(SecretToken token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(token.reveal().getBytes(StandardCharsets.US_ASCII));
      return new TokenHash(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (java.security.MessageDigest's contract).
      throw new IllegalStateException("SHA-256 missing from this JDK", e);
    }
  }

  /**
   * A random id that starts with a letter or digit: ids are typed as command-line arguments
   * ({@code session revoke WS ID}), where a leading {@code -} would read as an option.
   */
  private String publicId(int bytes) {
    String id = randomText(bytes);
    while (!Character.isLetterOrDigit(id.charAt(0))) {
      id = randomText(bytes);
    }
    return id;
  }

  private String randomText(int bytes) {
    byte[] value = new byte[bytes];
    random.nextBytes(value);
    return URL_SAFE.encodeToString(value);
  }
}
