package dev.gatehouse.domain.challenge;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.entry.EntryId;
import dev.gatehouse.domain.session.SessionId;

/** What a step-up challenge is for: revealing one entry on one workspace session, and nothing else. */
public record StepUpTarget(EntryId entry, SessionId session) {
  public StepUpTarget {
    Require.notNull("entry", entry);
    Require.notNull("session", session);
  }
}
