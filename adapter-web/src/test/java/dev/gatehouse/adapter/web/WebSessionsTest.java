package dev.gatehouse.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.fake.MutableClock;
import dev.gatehouse.domain.user.SecretToken;
import dev.gatehouse.domain.user.UserName;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebSessionsTest {
  private static final UserName ALICE = new UserName("alice");
  private static final SecretToken TOKEN = new SecretToken("abcdefghijklmnopqrstuvwxyz012345");

  private final MutableClock clock = MutableClock.startingAt("2026-11-29T09:00:00Z");
  private final List<WebSession> ended = new ArrayList<>();
  private final WebSessions sessions = new WebSessions(new WebTokens(new SecureRandom()), clock,
      Duration.ofMinutes(30), 3, ended::add);

  @Test
  void issuesIdsOfAtLeast128RandomBitsThatAreNeverRepeated() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      String id = sessions.start(ALICE, TOKEN).orElseThrow().id();
      assertThat(Base64.getUrlDecoder().decode(id)).hasSizeGreaterThanOrEqualTo(16);
      ids.add(id);
    }
    assertThat(ids).hasSize(3);
  }

  @Test
  void findsASessionOnlyByItsExactId() {
    WebSessions.Started started = sessions.start(ALICE, TOKEN).orElseThrow();
    assertThat(sessions.find(started.id())).containsSame(started.session());
    assertThat(sessions.find(started.id() + "x")).isEmpty();
    assertThat(sessions.find(WebTokens.hash(started.id()))).isEmpty();
    assertThat(sessions.find(null)).isEmpty();
  }

  @Test
  void endsASessionAfterThirtyIdleMinutesAndReportsIt() {
    WebSessions.Started started = sessions.start(ALICE, TOKEN).orElseThrow();
    clock.advance(Duration.ofMinutes(29));
    assertThat(sessions.find(started.id())).isPresent();
    clock.advance(Duration.ofMinutes(29));
    assertThat(sessions.find(started.id())).as("each use restarts the idle time").isPresent();
    clock.advance(Duration.ofMinutes(30));
    assertThat(sessions.find(started.id())).isEmpty();
    assertThat(ended).containsExactly(started.session());
    assertThat(sessions.size()).isZero();
  }

  @Test
  void holdsAtMostTheConfiguredNumberUntilOneExpires() {
    WebSessions.Started first = sessions.start(ALICE, TOKEN).orElseThrow();
    sessions.start(ALICE, TOKEN).orElseThrow();
    clock.advance(Duration.ofMinutes(20));
    sessions.start(ALICE, TOKEN).orElseThrow();
    assertThat(sessions.start(ALICE, TOKEN)).isEmpty();
    clock.advance(Duration.ofMinutes(10));
    assertThat(sessions.start(ALICE, TOKEN)).isPresent();
    assertThat(ended).hasSize(2).contains(first.session());
  }

  @Test
  void endingASessionForgetsItAndReportsItOnce() {
    WebSessions.Started started = sessions.start(ALICE, TOKEN).orElseThrow();
    sessions.end(started.id());
    sessions.end(started.id());
    assertThat(sessions.find(started.id())).isEmpty();
    assertThat(ended).containsExactly(started.session());
  }

  @Test
  void acceptsOnlyItsOwnCsrfToken() {
    WebSession one = sessions.start(ALICE, TOKEN).orElseThrow().session();
    WebSession two = sessions.start(ALICE, TOKEN).orElseThrow().session();
    assertThat(one.acceptsCsrf(one.csrfToken())).isTrue();
    assertThat(one.acceptsCsrf(two.csrfToken())).isFalse();
    assertThat(one.acceptsCsrf(null)).isFalse();
    assertThat(one.acceptsCsrf("")).isFalse();
    assertThat(one.acceptsCsrf(one.csrfToken().substring(1))).isFalse();
    assertThat(one.csrfToken()).isNotEqualTo(one.apiToken().reveal());
  }

  @Test
  void neverPrintsItsTokens() {
    WebSession session = sessions.start(ALICE, TOKEN).orElseThrow().session();
    assertThat(session.toString()).doesNotContain(TOKEN.reveal()).doesNotContain(session.csrfToken());
  }
}
