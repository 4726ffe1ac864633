package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.entry.RevealedEntry;

/** A revealed credential: the entry, its user name and its {@code password} or {@code privateKey}. */
record RestRevealedEntry(String entry, String username, String password, String privateKey) {
  static RestRevealedEntry from(RevealedEntry revealed) {
    String entry = revealed.entry().value();
    String username = revealed.username().orElse(null);
    String secret = revealed.secret().reveal();
    // A switch expression: a new kind of secret does not compile until it has its field.
    return switch (revealed.secret().kind()) {
      case PASSWORD -> new RestRevealedEntry(entry, username, secret, null);
      case PRIVATE_KEY -> new RestRevealedEntry(entry, username, null, secret);
    };
  }

  @Override
  public String toString() {
    return "RestRevealedEntry[entry=" + entry + ", secret=redacted]";
  }
}
