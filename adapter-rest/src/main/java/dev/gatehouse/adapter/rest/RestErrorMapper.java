package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.AccessDeniedException;
import dev.gatehouse.application.port.in.challenge.BusyException;
import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.in.challenge.Denial;
import dev.gatehouse.application.port.in.NotFoundException;
import dev.gatehouse.application.port.in.SecondFactorProblem;
import dev.gatehouse.application.port.in.SecondFactorProblemException;
import dev.gatehouse.application.port.in.StorageProblemException;
import dev.gatehouse.application.port.in.StepUpRequiredException;
import dev.gatehouse.application.port.in.session.SessionRequiredException;
import dev.gatehouse.domain.common.DomainException;
import dev.gatehouse.domain.common.IllegalTransitionException;
import dev.gatehouse.domain.common.InvalidValueException;
import io.javalin.http.HttpResponseException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures and refusals become HTTP: every exception a use case or the HTTP
 * layer raises, every {@link Denial} and every {@link SecondFactorProblem} is turned into a status
 * and an RFC 9457 problem document here. The mapping (also in openapi.json):
 *
 * <pre>
 * 400 invalid-request     malformed JSON (also a duplicate field), a missing or non-object body,
 *                         and any request Jetty cannot parse (bad URI, request line or header)
 * 400 invalid-input       InvalidValueException, unknown fields, wrong types (with errors[])
 * 401 unauthorized        no or unknown bearer token (WWW-Authenticate: Bearer)
 * 403 forbidden           AccessDeniedException (role, membership, someone else's challenge,
 *                         a reader changing entries, introspection without the right)
 * 403 session-required    SessionRequiredException, and a missing or malformed Gatehouse-Session
 *                         header: "open the workspace first"
 * 403 step-up-required    StepUpRequiredException: removing a Duo workspace's MFA, switching it to
 *                         safe or to another Duo application, clearing a suspension, or a user
 *                         issuing a token, without the caller's own Duo approval of the last 5 min
 * 403 denied              every Denial (unlock, device choice, device list): Duo deny, enroll
 *                         (enrollmentUrl), no active device, device not available, device
 *                         required (several could do the method, none named), bypass user,
 *                         challenge pending, cooldown, lockout, suspension, and Duo unusable
 *                         under failmode secure (duo_unavailable, duo_rate_limited,
 *                         duo_misconfigured, duo_request_rejected); retryAfter / Retry-After
 *                         where the refusal ends by itself
 * 404 not-found           NotFoundException
 * 404 no-such-route       unknown path
 * 405 method-not-allowed  known path, other method (Allow)
 * 409 conflict            ConflictException (also a stale entry version), IllegalTransitionException
 * 409 duo-not-configured  SecondFactorProblem NOT_CONFIGURED
 * 413 body-too-large      a body over the configured limit (64 KiB)
 * 414 uri-too-long        a request URI over Jetty's limit
 * 408 request-timeout     a request body that did not arrive in full within 5 s
 * 415 unsupported-media-type  a request body that is not JSON (Content-Type) or not UTF-8 (charset)
 * 431 headers-too-large   request header fields over Jetty's limit
 * 500 internal-error      anything unexpected (logged here, never shown)
 * 505 version-not-supported  a request line with an HTTP version the server does not speak
 * 502 duo-rejected        CREDENTIALS_REJECTED, INTEGRATION_FORBIDDEN, REQUEST_REJECTED
 * 503 duo-unavailable     UNAVAILABLE
 * 503 duo-rate-limited    RATE_LIMITED
 * 503 duo-local-configuration  LOCAL_CONFIGURATION (Gatehouse's own CA file or proxy for Duo)
 * 503 storage-unavailable StorageProblemException (Retry-After: 1)
 * 503 not-ready           the readiness check failed
 * 503 busy                BusyException: this node follows as many pending Duo requests as it may
 *                         (nothing was sent); Retry-After in seconds
 * 504 timed-out           an asynchronous answer outlived the server's async timeout
 * </pre>
 */
final class RestErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(RestErrorMapper.class);
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  /** Maps any failure to its problem reply. */
  RestReply map(Throwable failure) {
    Throwable e = unwrap(failure);
    if (e instanceof RestInputException input) {
      RestProblem problem = RestProblem.of(input.type(), input.getMessage());
      return reply(input.errors().isEmpty() ? problem : problem.withErrors(input.errors()));
    }
    if (e instanceof RestUnauthorizedException unauthorized) {
      return reply(RestProblem.of(RestProblemType.UNAUTHORIZED, unauthorized.getMessage()))
          .withHeader("WWW-Authenticate", unauthorized.challenge());
    }
    if (e instanceof InvalidValueException invalid) {
      return reply(RestProblem.of(RestProblemType.INVALID_INPUT, invalid.getMessage())
          .withErrors(List.of(RestFieldError.from(invalid))));
    }
    if (e instanceof SessionRequiredException) {
      return reply(RestProblem.of(RestProblemType.SESSION_REQUIRED, e.getMessage()));
    }
    if (e instanceof StepUpRequiredException stepUp) {
      return reply(RestProblem.of(RestProblemType.STEP_UP_REQUIRED, RestText.stepUpRequired(stepUp)));
    }
    if (e instanceof AccessDeniedException) {
      return reply(RestProblem.of(RestProblemType.FORBIDDEN, e.getMessage()));
    }
    if (e instanceof NotFoundException) {
      return reply(RestProblem.of(RestProblemType.NOT_FOUND, e.getMessage()));
    }
    if (e instanceof ConflictException || e instanceof IllegalTransitionException) {
      return reply(RestProblem.of(RestProblemType.CONFLICT, e.getMessage()));
    }
    if (e instanceof DomainException) {
      return reply(RestProblem.of(RestProblemType.INVALID_INPUT, e.getMessage()));
    }
    if (e instanceof SecondFactorProblemException duo) {
      return secondFactorProblem(duo.problem(), RestText.problem(duo));
    }
    if (e instanceof StorageProblemException) {
      LOG.warn("storage problem: {}", e.getMessage());
      // Storage that is down comes back on its own (the embedded database is restarted): ask again soon.
      return reply(RestProblem.of(RestProblemType.STORAGE_UNAVAILABLE,
          "Gatehouse's storage is unavailable; try again later")).withHeader("Retry-After", "1");
    }
    if (e instanceof BusyException busy) {
      LOG.warn("busy: {}", busy.getMessage());
      return reply(RestProblem.of(RestProblemType.BUSY, busy.getMessage()))
          .withHeader("Retry-After", String.valueOf(retryAfterSeconds(busy)));
    }
    if (e instanceof HttpResponseException http) {
      return http(http);
    }
    LOG.error("unexpected failure while serving a request", e);
    return reply(RestProblem.of(RestProblemType.INTERNAL_ERROR, "an unexpected error occurred"));
  }

  /**
   * Whether {@link #map} answers this failure 400: a malformed or invalid request (its JSON, its
   * fields, or a value the domain refuses). Logs nothing.
   */
  static boolean isBadRequest(Throwable failure) {
    Throwable e = unwrap(failure);
    return e instanceof RestInputException
        || (e instanceof DomainException && !(e instanceof IllegalTransitionException));
  }

  /** Whole seconds, rounded up and at least one: {@code Retry-After: 0} would invite a busy loop. */
  private static long retryAfterSeconds(BusyException busy) {
    long millis = busy.retryAfter() == null ? 0 : busy.retryAfter().toMillis();
    return Math.max(1, (millis + 999) / 1000);
  }

  /** An asynchronous answer (a long poll) did not come within the server's async timeout. */
  RestReply timedOut() {
    LOG.warn("an asynchronous request timed out");
    return reply(RestProblem.of(RestProblemType.TIMED_OUT, "no answer in time; poll again"));
  }

  /**
   * A refusal to open a workspace, list devices or verify a device: always 403 {@code denied}
   * with the denial's code and its words ({@link RestText}, quoting Duo's message where it gave
   * one). A Duo that cannot be used under failmode {@code secure} is such a refusal too: the
   * contract answers an unlock with exactly 200, 202 or 403.
   */
  RestReply denial(Denial denial) {
    return denial(denial, RestText.denial(denial));
  }

  /** A refusal with its words chosen by the caller (a step-up's, say). */
  RestReply denial(Denial denial, String detail) {
    RestProblemType type = RestProblemType.DENIED;
    RestProblem problem = RestProblem.of(type, detail).withCode(RestWire.name(denial.code()));
    if (denial.enrollmentUrl().isPresent()) {
      problem = problem.withEnrollmentUrl(denial.enrollmentUrl().get());
    }
    if (denial.retryAfter().isPresent()) {
      problem = problem.withRetryAfter(denial.retryAfter().get().toString());
      return reply(problem).withHeader("Retry-After", HTTP_DATE.format(denial.retryAfter().get()));
    }
    return reply(problem);
  }

  /** Duo could not be used; the message carries Duo's detail, never the secret key. */
  RestReply secondFactorProblem(SecondFactorProblem problem, String message) {
    RestProblemType type = type(problem);
    if (type.status() >= 500) {
      LOG.warn("second factor problem {}: {}", problem, message);
    }
    return reply(RestProblem.of(type, message).withCode(RestWire.name(problem)));
  }

  static RestProblemType type(SecondFactorProblem problem) {
    return switch (problem) {
      case NOT_CONFIGURED -> RestProblemType.DUO_NOT_CONFIGURED;
      case UNAVAILABLE -> RestProblemType.DUO_UNAVAILABLE;
      case RATE_LIMITED -> RestProblemType.DUO_RATE_LIMITED;
      case CREDENTIALS_REJECTED, INTEGRATION_FORBIDDEN, REQUEST_REJECTED -> RestProblemType.DUO_REJECTED;
      case LOCAL_CONFIGURATION -> RestProblemType.DUO_LOCAL_CONFIGURATION;
    };
  }

  private RestReply http(HttpResponseException e) {
    RestReply reply = status(e.getStatus());
    if (e.getStatus() == 405) {
      String allowed = e.getDetails().getOrDefault("availableMethods",
          e.getDetails().get("Available methods"));
      return allowed == null ? reply : reply.withHeader("Allow", allowed);
    }
    return reply;
  }

  /**
   * The problem for a status the HTTP layer (Javalin or Jetty) chose by itself, before or without
   * a handler. The detail is fixed per status: Jetty's own reason may echo the request.
   */
  RestReply status(int status) {
    return switch (status) {
      case 400 -> reply(RestProblem.of(RestProblemType.INVALID_REQUEST,
          "the request could not be parsed (request line, URI or header fields)"));
      case 404 -> reply(RestProblem.of(RestProblemType.NO_SUCH_ROUTE, "there is no resource at this path"));
      case 405 -> reply(RestProblem.of(RestProblemType.METHOD_NOT_ALLOWED,
          "this resource does not support the method"));
      case 413 -> reply(RestProblem.of(RestProblemType.BODY_TOO_LARGE, "the request body is too large"));
      case 414 -> reply(RestProblem.of(RestProblemType.URI_TOO_LONG, "the request URI is too long"));
      case 415 -> reply(RestProblem.of(RestProblemType.UNSUPPORTED_MEDIA_TYPE,
          "the request body must be application/json in UTF-8"));
      case 408 -> reply(RestProblem.of(RestProblemType.REQUEST_TIMEOUT,
          "the request body did not arrive within " + RestBodyReader.TIMEOUT.toSeconds() + " seconds"));
      case 431 -> reply(RestProblem.of(RestProblemType.HEADERS_TOO_LARGE,
          "the request header fields are too large"));
      case 505 -> reply(RestProblem.of(RestProblemType.VERSION_NOT_SUPPORTED,
          "the request's HTTP version is not supported; use HTTP/1.1 or HTTP/2"));
      default -> {
        if (status >= 500) {
          LOG.warn("HTTP layer answered {}", status);
          yield reply(RestProblem.of(RestProblemType.INTERNAL_ERROR, "an unexpected error occurred")
              .withStatus(status));
        }
        yield reply(RestProblem.of(RestProblemType.INVALID_REQUEST, "the request was refused")
            .withStatus(status < 400 ? 400 : status));
      }
    };
  }

  private static RestReply reply(RestProblem problem) {
    return RestReply.of(problem.status(), problem);
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable e = failure;
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
