package dev.gatehouse.application.port.in.entry;

/**
 * Reveals an entry's secret, appending {@code CREDENTIAL_REVEALED} (entry, user, session id,
 * client address) to the audit trail in the same unit of work. Throws
 * {@link dev.gatehouse.application.port.in.NotFoundException} for an unknown entry or one without a secret.
 */
public interface RevealEntryUseCase {
  RevealedEntry reveal(RevealEntryCommand command);
}
