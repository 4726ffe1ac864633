package dev.gatehouse.domain.challenge;

import dev.gatehouse.domain.common.Require;

/** Duo's id of an asynchronous authentication (its {@code txid}). */
public record DuoTransactionId(String value) {
  public DuoTransactionId {
    value = Require.notBlank("txid", value).strip();
    Require.maxLength("txid", value, 128);
    Require.noControlCharacters("txid", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
