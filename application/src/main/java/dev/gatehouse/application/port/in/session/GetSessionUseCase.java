package dev.gatehouse.application.port.in.session;

import java.util.Optional;

/** The caller's own session, if it is live; empty when it is unknown, expired, closed or revoked. */
public interface GetSessionUseCase {
  Optional<SessionSummary> get(GetSessionQuery query);
}
