package dev.gatehouse.application.port.in.entry;

/**
 * Reveals an entry's secret, appending {@code CREDENTIAL_REVEALED} (entry, user, session id,
 * client address) to the audit trail in the same unit of work. An entry with a step-up reveals only
 * with a Duo approval for that entry and session no older than its step-up age; otherwise a
 * step-up challenge is started (never skipped: no failmode grant, no bypass). Throws
 * {@link dev.gatehouse.application.port.in.NotFoundException} for an unknown entry or one without a
 * secret, and {@link dev.gatehouse.application.port.in.SecondFactorProblemException} when the entry
 * needs a step-up and the workspace does not use Duo.
 */
public interface RevealEntryUseCase {
  RevealEntryResult reveal(RevealEntryCommand command);
}
