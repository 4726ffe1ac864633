package dev.gatehouse.adapter.rest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** One route of the API: method, path template, who may call it and what answers it. */
record RestRoute(String method, String path, RestAccess access, Handler handler, boolean async) {
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
        request -> CompletableFuture.completedFuture(handler.handle(request)), false);
  }

  /** Answers later; no thread is held while the stage is incomplete. */
  static RestRoute async(String method, String path, RestAccess access, Handler handler) {
    return new RestRoute(method, path, access, handler, true);
  }
}
