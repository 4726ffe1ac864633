package dev.gatehouse.adapter.web;

import io.javalin.http.Context;

/** The security headers of every console response: a strict CSP (no inline script or style), no framing, no sniffing, no referrer. */
final class WebHeaders {
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; base-uri 'none'; form-action 'self'; "
      + "frame-ancestors 'none'; object-src 'none'";

  private WebHeaders() {}

  static void apply(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.header("Cross-Origin-Resource-Policy", "same-origin");
    // Pages show who is signed in, challenges and sometimes a secret: never stored by a cache.
    ctx.header("Cache-Control", "no-store");
  }
}
