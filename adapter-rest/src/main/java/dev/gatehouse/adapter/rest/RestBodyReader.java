package dev.gatehouse.adapter.rest;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads every request body in full before any handler runs, holding no thread while its bytes
 * arrive, so slow or stalled uploads cannot take the request threads (and {@code /health}) away.
 * A body not complete within {@link #TIMEOUT} is answered 408 and its connection closed; a
 * client that closes its connection mid-body costs one access-log line and nothing else. A body
 * over the limit is answered 413: read and thrown away first when its declared length is at most
 * {@link #DRAIN_LIMIT} (a server that closes on unread bytes resets the connection, and the client
 * may lose the answer), refused at once with the connection closed beyond that, and one of unknown
 * length (chunked, or HTTP/2 without content-length) that outgrows the limit is refused the same way.
 */
final class RestBodyReader extends Handler.Wrapper {
  /** Longest a request body may take to arrive, from the end of its header fields. */
  static final Duration TIMEOUT = Duration.ofSeconds(5);
  /** Largest declared body over the limit that is still read (within {@link #TIMEOUT}) before its 413. */
  static final long DRAIN_LIMIT = 1024 * 1024;

  private final int maxBodyBytes;
  private final long timeoutMillis;

  RestBodyReader(long maxBodyBytes, Duration timeout) {
    this.maxBodyBytes = Math.toIntExact(maxBodyBytes);
    this.timeoutMillis = timeout.toMillis();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    // -1 is a body of unknown length: chunked in HTTP/1.1, or an HTTP/2 stream without content-length.
    long declared = request.getLength();
    if (declared == 0) {
      return super.handle(request, response, callback);
    }
    if (declared > DRAIN_LIMIT) {
      refuse(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413);
      return true;
    }
    AtomicBoolean answered = new AtomicBoolean();
    Scheduler.Task timer = request.getComponents().getScheduler().schedule(() -> {
      if (answered.compareAndSet(false, true)) {
        refuse(request, response, callback, HttpStatus.REQUEST_TIMEOUT_408);
      }
    }, timeoutMillis, TimeUnit.MILLISECONDS);
    if (declared > maxBodyBytes) {
      Content.Source.consumeAll(request, Callback.from(() -> {
        timer.cancel();
        if (answered.compareAndSet(false, true)) {
          Response.writeError(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413);
        }
      }, failure -> {
        timer.cancel();
        if (answered.compareAndSet(false, true)) {
          callback.failed(failure);
        }
      }));
      return true;
    }
    Content.Source.asByteArrayAsync(request, maxBodyBytes).whenComplete((body, completion) -> {
      timer.cancel();
      if (!answered.compareAndSet(false, true)) {
        return;
      }
      Throwable failure = completion instanceof CompletionException && completion.getCause() != null
          ? completion.getCause() : completion;
      if (failure == null) {
        forward(new Buffered(request, body), response, callback);
      } else if (failure instanceof IllegalStateException) {
        // Jetty's "Max size exceeded": a body of unknown length outgrew the limit.
        refuse(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413);
      } else {
        // The client went away mid-upload: no server fault. Jetty answers nobody, and the error
        // page writes the one access-log line (route "(aborted)") without a stack trace.
        callback.failed(failure);
      }
    });
    return true;
  }

  private void forward(Request request, Response response, Callback callback) {
    try {
      if (!super.handle(request, response, callback)) {
        Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
      }
    } catch (Throwable t) {
      callback.failed(t);
    }
  }

  /** Answers with the status's problem document and closes the connection: the rest of the body is not read. */
  private static void refuse(Request request, Response response, Callback callback, int status) {
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    Response.writeError(request, response, callback, status);
  }

  /** The request with its body already in memory: reads never wait. */
  private static final class Buffered extends Request.Wrapper {
    private final Content.Source body;

    Buffered(Request request, byte[] bytes) {
      super(request);
      this.body = Content.Source.from(ByteBuffer.wrap(bytes));
    }

    @Override
    public Content.Chunk read() {
      return body.read();
    }

    @Override
    public void demand(Runnable demandCallback) {
      body.demand(demandCallback);
    }

    @Override
    public void fail(Throwable failure) {
      body.fail(failure);
    }

    @Override
    public boolean consumeAvailable() {
      for (Content.Chunk chunk = body.read(); chunk != null; chunk = body.read()) {
        chunk.release();
        if (chunk.isLast()) {
          break;
        }
      }
      return true;
    }
  }
}
