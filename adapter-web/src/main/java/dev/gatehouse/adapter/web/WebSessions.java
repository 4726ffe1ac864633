package dev.gatehouse.adapter.web;

import dev.gatehouse.domain.user.SecretToken;
import dev.gatehouse.domain.user.UserName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The web sessions of this node, in memory: keyed by the SHA-256 of their id, so the ids
 * themselves (the cookie values) are never kept; ended after {@code idleTimeout} without a request;
 * at most {@code maxSessions} at once. A node that restarts forgets them all (everyone signs in
 * again), and each node of a cluster knows only its own.
 */
final class WebSessions {
  /** A new web session and the id for its cookie (returned this once). */
  record Started(String id, WebSession session) {}

  private final Map<String, WebSession> byHash = new HashMap<>();
  private final WebTokens tokens;
  private final Clock clock;
  private final Duration idleTimeout;
  private final int maxSessions;
  private final Consumer<WebSession> onEnd;

  /** {@code onEnd} receives every web session that expires or is ended, outside any lock. */
  WebSessions(WebTokens tokens, Clock clock, Duration idleTimeout, int maxSessions, Consumer<WebSession> onEnd) {
    this.tokens = tokens;
    this.clock = clock;
    this.idleTimeout = idleTimeout;
    this.maxSessions = maxSessions;
    this.onEnd = onEnd;
  }

  /** Starts a web session for the user, or empty when this node already holds as many as it may. */
  Optional<Started> start(UserName user, SecretToken apiToken) {
    List<WebSession> expired;
    Optional<Started> started;
    synchronized (this) {
      expired = purgeExpired(clock.instant());
      if (byHash.size() >= maxSessions) {
        started = Optional.empty();
      } else {
        String id = tokens.next();
        WebSession session = new WebSession(user, apiToken, tokens.next(), clock.instant());
        byHash.put(WebTokens.hash(id), session);
        started = Optional.of(new Started(id, session));
      }
    }
    expired.forEach(onEnd);
    return started;
  }

  /** The live web session with this id, now marked as used; empty when unknown or idle too long. */
  Optional<WebSession> find(String id) {
    if (id == null || id.isEmpty() || id.length() > 128) {
      return Optional.empty();
    }
    String hash = WebTokens.hash(id);
    WebSession session;
    WebSession expired = null;
    synchronized (this) {
      session = byHash.get(hash);
      Instant now = clock.instant();
      if (session != null && isIdle(session, now)) {
        byHash.remove(hash);
        expired = session;
        session = null;
      }
      if (session != null) {
        session.touch(now);
      }
    }
    if (expired != null) {
      onEnd.accept(expired);
    }
    return Optional.ofNullable(session);
  }

  /** Ends the web session with this id, if there is one. */
  void end(String id) {
    if (id == null || id.isEmpty()) {
      return;
    }
    WebSession ended;
    synchronized (this) {
      ended = byHash.remove(WebTokens.hash(id));
    }
    if (ended != null) {
      onEnd.accept(ended);
    }
  }

  synchronized int size() {
    return byHash.size();
  }

  private boolean isIdle(WebSession session, Instant now) {
    return !now.isBefore(session.lastSeen().plus(idleTimeout));
  }

  private List<WebSession> purgeExpired(Instant now) {
    List<WebSession> expired = new ArrayList<>();
    for (Iterator<WebSession> it = byHash.values().iterator(); it.hasNext(); ) {
      WebSession session = it.next();
      if (isIdle(session, now)) {
        it.remove();
        expired.add(session);
      }
    }
    return expired;
  }
}
