package dev.gatehouse.adapter.rest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One route of the API: method, path template, who may call it, what answers it and whether it
 * reads a JSON body. A route that reads none accepts no body, an empty one or {@code {}} only; a
 * route that reads one names the {@link RestGuard} that decides who may learn what is wrong with it.
 */
record RestRoute(String method, String path, RestAccess access, Handler handler, boolean async,
    boolean readsBody, RestGuard guard) {
  /** Answers a request, now or when the returned stage completes. */
  @FunctionalInterface
  interface Handler {
    CompletionStage<RestReply> handle(RestRequest request);
  }

  /** Answers a request at once, on the request thread. */
  @FunctionalInterface
  interface SyncHandler {
    RestReply handle(RestRequest request);
  }

  static RestRoute sync(String method, String path, RestAccess access, SyncHandler handler) {
    return new RestRoute(method, path, access,
        request -> CompletableFuture.completedFuture(handler.handle(request)), false, false, RestGuard.ANYONE);
  }

  /** Answers later; no thread is held while the stage is incomplete. */
  static RestRoute async(String method, String path, RestAccess access, Handler handler) {
    return new RestRoute(method, path, access, handler, true, false, RestGuard.ANYONE);
  }

  /**
   * This route reads its JSON body itself (with {@link RestRequest#body(Class)}); an invalid request
   * is answered 400 only to callers {@code guard} admits.
   */
  RestRoute withBody(RestGuard guard) {
    return new RestRoute(method, path, access, handler, async, true, guard);
  }
}
