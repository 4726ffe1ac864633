package dev.gatehouse.adapter.web;

import dev.gatehouse.domain.common.Require;
import java.time.Duration;

/**
 * How the web console keeps sign-ins: how long a web session lives without a request, how many
 * web sessions this node holds at most, and whether its cookie is always marked {@code Secure}
 * (set this behind a TLS-terminating proxy; over direct TLS the console marks it by itself).
 */
public record WebConfig(Duration idleTimeout, int maxSessions, boolean alwaysSecureCookies) {
  /** The product's idle timeout: 30 minutes. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);
  /** More concurrent sign-ins than one node plausibly serves; bounds the memory they take. */
  public static final int DEFAULT_MAX_SESSIONS = 1000;

  public WebConfig {
    Require.inRange("idleTimeout", idleTimeout, Duration.ofSeconds(10), Duration.ofHours(12));
    Require.inRange("maxSessions", maxSessions, 1, 100_000);
  }

  /** 30 minutes idle, 1000 web sessions, {@code Secure} cookies over TLS only. */
  public static WebConfig defaults() {
    return new WebConfig(DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_SESSIONS, false);
  }
}
