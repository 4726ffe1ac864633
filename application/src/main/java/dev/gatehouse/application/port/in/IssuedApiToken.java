package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.user.SecretToken;
import dev.gatehouse.domain.user.UserName;
import java.time.Instant;

/** A new API token, shown this once. */
public record IssuedApiToken(UserName owner, SecretToken token, Instant issuedAt) {}
