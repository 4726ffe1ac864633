package dev.gatehouse.duosim;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The answer to one exchange, sent at most once, possibly long after the handler returned and from
 * another thread (that is how parked long polls cost no thread).
 */
final class Reply {

  private final HttpExchange exchange;
  private final RequestLog.Entry log;
  private final Executor executor;
  private final AtomicBoolean done = new AtomicBoolean();

  Reply(HttpExchange exchange, RequestLog.Entry log, Executor executor) {
    this.exchange = exchange;
    this.log = log;
    this.executor = executor;
  }

  RequestLog.Entry log() {
    return log;
  }

  boolean isDone() {
    return done.get();
  }

  /** Runs {@code action} on the simulator's worker pool (used when answering from the timer). */
  void later(Runnable action) {
    try {
      executor.execute(action);
    } catch (RejectedExecutionException e) {
      drop();
    }
  }

  void ok(Object response) {
    json(200, Json.ok(response), Map.of());
  }

  void fail(int status, int code, String message, String detail) {
    if (log != null) {
      log.errorCode = code;
    }
    json(status, Json.fail(code, message, detail), Map.of());
  }

  void json(int status, JsonNode body, Map<String, String> headers) {
    send(status, "application/json", Json.bytes(body), headers);
  }

  void send(int status, String contentType, byte[] body, Map<String, String> headers) {
    if (!done.compareAndSet(false, true)) {
      return;
    }
    if (log != null) {
      log.status = status;
    }
    try {
      exchange.getResponseHeaders().set("Content-Type", contentType);
      headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } catch (IOException e) {
      // The client went away; nothing to answer any more.
    } finally {
      exchange.close();
    }
  }

  void text(int status, String body) {
    send(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  /** Closes the connection without a response. */
  void drop() {
    if (done.compareAndSet(false, true)) {
      exchange.close();
    }
  }
}
