package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.entry.EntryId;
import dev.gatehouse.domain.session.SessionId;
import dev.gatehouse.domain.user.TokenId;
import dev.gatehouse.domain.user.SecretToken;
import dev.gatehouse.domain.user.TokenHash;
import dev.gatehouse.domain.workspace.WorkspaceId;

/** Unguessable identifiers and tokens (at least 128 bits from a secure random source), and token hashing. */
public interface SecureTokenSource {
  ChallengeId newChallengeId();

  WorkspaceId newWorkspaceId();

  EntryId newEntryId();

  SessionId newSessionId();

  TokenId newTokenId();

  SecretToken newToken();

  /** The SHA-256 of the token, the only form in which it is stored. */
  TokenHash hash(SecretToken token);
}
