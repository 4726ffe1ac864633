package dev.gatehouse.adapter.duo;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** Waits between retries without holding a thread; tests inject one that does not wait. */
@FunctionalInterface
interface DuoSleeper {
  /** Completes once {@code duration} has passed. */
  CompletableFuture<Void> sleep(Duration duration);

  /** The real one: a timer, then the continuation runs on {@code executor}. */
  static DuoSleeper on(Executor executor) {
    return duration -> CompletableFuture.runAsync(() -> { },
        CompletableFuture.delayedExecutor(Math.max(0, duration.toMillis()), TimeUnit.MILLISECONDS, executor));
  }
}
