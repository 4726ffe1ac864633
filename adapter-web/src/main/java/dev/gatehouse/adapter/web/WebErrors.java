package dev.gatehouse.adapter.web;

import dev.gatehouse.application.port.in.AccessDeniedException;
import dev.gatehouse.application.port.in.challenge.BusyException;
import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.in.NotFoundException;
import dev.gatehouse.application.port.in.SecondFactorProblemException;
import dev.gatehouse.application.port.in.StorageProblemException;
import dev.gatehouse.application.port.in.StepUpRequiredException;
import dev.gatehouse.application.port.in.session.SessionRequiredException;
import dev.gatehouse.domain.common.DomainException;
import dev.gatehouse.domain.common.IllegalTransitionException;
import dev.gatehouse.domain.common.InvalidValueException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the console's failures become pages: a status and a sentence for people,
 * as a full page or, for htmx, as a fragment. Unexpected failures are logged here and never shown.
 *
 * <pre>
 * 400 InvalidValueException, other DomainException
 * 403 WebCsrfException, AccessDeniedException (SessionRequiredException: open the workspace again;
 *     StepUpRequiredException: the action and how to get a fresh approval, in WebText's words)
 * 404 NotFoundException
 * 409 ConflictException, IllegalTransitionException
 * 502/503 SecondFactorProblemException (Duo refused / unavailable)
 * 503 StorageProblemException, BusyException, no room for another web session
 * 500 anything else
 * </pre>
 */
final class WebErrors {
  private static final Logger LOG = LoggerFactory.getLogger(WebErrors.class);

  private final WebTemplates templates;

  WebErrors(WebTemplates templates) {
    this.templates = templates;
  }

  /** A status and the sentence shown for it. */
  record Problem(int status, String message) {}

  void render(WebRequest request, Throwable failure) {
    Problem problem = map(failure);
    if (request.isHtmx()) {
      request.render(problem.status(), "errorFragment.jte", Map.of("message", problem.message()));
      return;
    }
    request.render(problem.status(), "error.jte", Map.of("frame", request.frame(title(problem.status())),
        "status", problem.status(), "message", problem.message()));
  }

  static Problem map(Throwable failure) {
    Throwable e = failure;
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof WebCsrfException) {
      return new Problem(403, "This form has expired or did not come from this console. Reload the page and try again.");
    }
    if (e instanceof InvalidValueException invalid) {
      return new Problem(400, "Invalid " + invalid.field() + ": " + invalid.reason() + ".");
    }
    if (e instanceof SessionRequiredException) {
      return new Problem(403, "Open the workspace first: its session is missing, expired, closed or revoked.");
    }
    if (e instanceof StepUpRequiredException stepUp) {
      return new Problem(403, WebText.stepUpRequired(stepUp));
    }
    if (e instanceof AccessDeniedException) {
      return new Problem(403, "You are not allowed to do this.");
    }
    if (e instanceof NotFoundException) {
      return new Problem(404, "Not found: " + e.getMessage() + ".");
    }
    if (e instanceof ConflictException || e instanceof IllegalTransitionException) {
      return new Problem(409, "Not possible now: " + e.getMessage() + ".");
    }
    if (e instanceof DomainException) {
      return new Problem(400, e.getMessage() + ".");
    }
    if (e instanceof SecondFactorProblemException duo) {
      return new Problem(WebText.status(duo.problem()), WebText.problem(duo.problem(), duo.getMessage()));
    }
    if (e instanceof BusyException busy) {
      LOG.warn("busy: {}", busy.getMessage());
      return new Problem(503, "Gatehouse is busy with many waiting Duo requests; nothing was sent. Try again in a few seconds.");
    }
    if (e instanceof StorageProblemException) {
      LOG.warn("storage problem: {}", e.getMessage());
      return new Problem(503, "Gatehouse's storage is unavailable. Try again later.");
    }
    LOG.error("unexpected failure while serving a console page", e);
    return new Problem(500, "Something went wrong on the server. Try again.");
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Invalid input";
      case 403 -> "Not allowed";
      case 404 -> "Not found";
      case 409 -> "Conflict";
      default -> status >= 500 ? "Unavailable" : "Error";
    };
  }
}
