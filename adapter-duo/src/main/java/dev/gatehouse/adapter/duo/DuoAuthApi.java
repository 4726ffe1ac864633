package dev.gatehouse.adapter.duo;

import feign.Request;
import feign.RequestLine;
import java.util.concurrent.CompletableFuture;

/**
 * The part of Duo's Auth API v2 Gatehouse calls, as a Feign interface (duo-auth-api.md §2), asynchronous
 * throughout: every
 * call returns at once and holds no thread while Duo answers. Parameters travel as
 * {@link DuoParams} (query for GET, body for POST); each call names its own timeouts.
 */
interface DuoAuthApi {
  @RequestLine("GET /auth/v2/ping")
  CompletableFuture<DuoTime> ping(Request.Options options);

  @RequestLine("GET /auth/v2/check")
  CompletableFuture<DuoTime> check(Request.Options options);

  @RequestLine("POST /auth/v2/preauth")
  CompletableFuture<DuoPreauthResponse> preauth(DuoParams params, Request.Options options);

  /** Synchronous ({@code async} absent) or asynchronous ({@code async=1}: answers a txid). */
  @RequestLine("POST /auth/v2/auth")
  CompletableFuture<DuoAuthResponse> auth(DuoParams params, Request.Options options);

  /** Duo's long poll: answers when the transaction's status changes. */
  @RequestLine("GET /auth/v2/auth_status")
  CompletableFuture<DuoAuthResponse> authStatus(DuoParams txid, Request.Options options);
}
