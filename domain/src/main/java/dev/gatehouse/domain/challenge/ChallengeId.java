package dev.gatehouse.domain.challenge;

import dev.gatehouse.domain.common.Require;
import java.util.regex.Pattern;

/** The unguessable identity of a challenge: at least 128 bits, URL-safe. */
public record ChallengeId(String value) {
  /** 22 base64url characters carry 132 bits. */
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22,64}");

  public ChallengeId {
    Require.notNull("challengeId", value);
    Require.matches("challengeId", value, SHAPE, "22 to 64 URL-safe characters");
  }

  @Override
  public String toString() {
    return value;
  }
}
