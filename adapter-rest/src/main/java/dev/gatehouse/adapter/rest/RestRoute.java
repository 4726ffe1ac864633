package dev.gatehouse.adapter.rest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One route of the API: method, path template, who may call it, what answers it and whether it
 * reads a JSON body. A route that reads none accepts no body, an empty one or {@code {}} only.
 */
record RestRoute(String method, String path, RestAccess access, Handler handler, boolean async,
    boolean readsBody) {
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
        request -> CompletableFuture.completedFuture(handler.handle(request)), false, false);
  }

  /** Answers later; no thread is held while the stage is incomplete. */
  static RestRoute async(String method, String path, RestAccess access, Handler handler) {
    return new RestRoute(method, path, access, handler, true, false);
  }

  /** This route reads its JSON body itself (with {@link RestRequest#body(Class)}). */
  RestRoute withBody() {
    return new RestRoute(method, path, access, handler, async, true);
  }
}
