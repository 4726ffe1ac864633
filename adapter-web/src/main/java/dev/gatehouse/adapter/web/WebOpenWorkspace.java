package dev.gatehouse.adapter.web;

import dev.gatehouse.domain.session.SessionId;
import dev.gatehouse.domain.user.SecretToken;
import java.time.Instant;

/** A workspace this web session opened: the session's id, its token (kept on the server only) and expiry. */
record WebOpenWorkspace(SessionId id, SecretToken token, Instant expiresAt) {}
