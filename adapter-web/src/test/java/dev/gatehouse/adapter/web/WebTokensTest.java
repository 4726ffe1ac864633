package dev.gatehouse.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class WebTokensTest {
  private final WebTokens tokens = new WebTokens(new SecureRandom());

  @Test
  void makesUrlSafeTokensOf256Bits() {
    String token = tokens.next();
    assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(tokens.next()).isNotEqualTo(token);
  }

  @Test
  void hashesToSha256Hex() {
    assertThat(WebTokens.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void comparesOnlyEqualNonEmptyTokensAsSame() {
    assertThat(WebTokens.same("a1", "a1")).isTrue();
    assertThat(WebTokens.same("a1", "a2")).isFalse();
    assertThat(WebTokens.same("a1", "a1 ")).isFalse();
    assertThat(WebTokens.same("", "")).isFalse();
    assertThat(WebTokens.same(null, "a1")).isFalse();
    assertThat(WebTokens.same("a1", null)).isFalse();
  }
}
