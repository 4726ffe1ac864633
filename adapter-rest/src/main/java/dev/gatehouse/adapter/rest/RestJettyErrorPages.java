package dev.gatehouse.adapter.rest;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers by itself, before any Javalin handler runs (an undecodable or
 * ambiguous URI, a URI or header block over the limit, a malformed request line): an RFC 9457
 * problem document from {@link RestErrorMapper#status(int)}, never Jetty's HTML page. Neither
 * Jetty's reason nor the cause is shown (both may echo the request) and no stack trace ever is.
 */
final class RestJettyErrorPages extends ErrorHandler {
  private final RestErrorMapper errors;
  private final RestJson json;
  private final RestAccessLog accessLog;

  RestJettyErrorPages(RestErrorMapper errors, RestJson json, RestAccessLog accessLog) {
    this.errors = errors;
    this.json = json;
    this.accessLog = accessLog;
    setShowStacks(false);
    setShowCauses(false);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException http) {
      status = http.getCode();
      // A request Jetty could not parse or accept: it closes the connection after the answer, so
      // the answer says so (else a client reusing the connection finds it closed).
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
    } else if (request.getAttribute(ERROR_STATUS) instanceof Integer code) {
      status = code;
    }
    if (status < 400) {
      status = HttpStatus.INTERNAL_SERVER_ERROR_500;
    }
    RestReply reply = errors.status(status);
    String requestId = RestRequestId.accept(request.getHeaders().get(RestRequestId.HEADER));
    // A client that closed its connection mid-request (an aborted upload) reads no answer.
    String route = request.getAttribute(ERROR_EXCEPTION) instanceof EofException
        ? RestAccessLog.ABORTED : RestAccessLog.REJECTED;
    RestRequestId.withMdc(requestId,
        () -> accessLog.jettyError(method(request), route, reply.status(), request.getBeginNanoTime()));
    response.setStatus(reply.status());
    response.getHeaders().put(RestRequestId.HEADER, requestId);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    if ("HEAD".equals(request.getMethod()) || HttpStatus.hasNoBody(reply.status())) {
      callback.succeeded();
      return true;
    }
    reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
    byte[] body = json.write(((RestProblem) reply.body()).withInstance(RestRequestId.instance(requestId)));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, RestServer.PROBLEM_JSON);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  /** The method of the request line, or "-" when it is not a plain token (never echo odd input). */
  private static String method(Request request) {
    String method = request.getMethod();
    return method != null && method.matches("[A-Z]{1,16}") ? method : "-";
  }
}
