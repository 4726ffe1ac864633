package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.SecondFactorProblemException;
import dev.gatehouse.application.port.in.challenge.BusyException;
import dev.gatehouse.application.port.in.session.SessionRequiredException;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.in.AccessDeniedException;
import dev.gatehouse.application.port.in.ConflictException;
import dev.gatehouse.application.port.in.challenge.Denial;
import dev.gatehouse.application.port.in.challenge.DenialCode;
import dev.gatehouse.application.port.in.NotFoundException;
import dev.gatehouse.application.port.in.SecondFactorProblem;
import dev.gatehouse.application.port.in.StepUpAction;
import dev.gatehouse.application.port.in.StepUpRequiredException;
import dev.gatehouse.application.port.in.StorageProblemException;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.common.IllegalTransitionException;
import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import io.javalin.http.HttpResponseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The one mapping from failures and refusals to HTTP statuses and problem types. */
class RestErrorMapperTest {
  private final RestErrorMapper mapper = new RestErrorMapper();

  @Test
  void mapsEveryInPortExceptionToItsStatus() {
    Map<RuntimeException, String> expected = Map.of(
        new InvalidValueException("workspaceName", "must not be blank"), "400 invalid-input",
        new AccessDeniedException("alice is not an administrator"), "403 forbidden",
        new NotFoundException("no workspace named vault"), "404 not-found",
        new ConflictException("a workspace named vault already exists"), "409 conflict",
        new IllegalTransitionException("Challenge", "APPROVED", "cancel"), "409 conflict",
        new StorageProblemException("storage failed", new RuntimeException("jdbc:postgresql://secret")),
        "503 storage-unavailable",
        new SecondFactorProblemException(SecondFactorProblem.NOT_CONFIGURED, "no Duo"), "409 duo-not-configured",
        new SecondFactorProblemException(SecondFactorProblem.UNAVAILABLE, "down"), "503 duo-unavailable",
        new SecondFactorProblemException(SecondFactorProblem.CREDENTIALS_REJECTED, "401"), "502 duo-rejected",
        new IllegalStateException("boom at line 3"), "500 internal-error");
    expected.forEach((exception, statusAndType) -> {
      RestReply reply = mapper.map(exception);
      RestProblem problem = (RestProblem) reply.body();
      assertThat(reply.status() + " " + problem.type().replace("urn:gatehouse:problem:", ""))
          .as(exception.getClass().getSimpleName()).isEqualTo(statusAndType);
      assertThat(problem.status()).isEqualTo(reply.status());
    });
  }

  @Test
  void aMissingFreshApprovalIsItsOwnForbiddenType() {
    RestReply reply = mapper.map(new StepUpRequiredException(StepUpAction.REMOVE_MFA, Optional.empty(),
        Optional.of(new WorkspaceName("vault")), Duration.ofMinutes(5)));
    RestProblem problem = (RestProblem) reply.body();

    assertThat(reply.status()).isEqualTo(403);
    assertThat(problem.type()).isEqualTo("urn:gatehouse:problem:step-up-required");
    assertThat(problem.detail()).isEqualTo("removing MFA in workspace vault needs your own Duo approval from the last"
        + " 5 minutes: open workspace vault with Duo, then try again within 5 minutes");
  }

  @Test
  void wordsADuoProblemByItsClassBeforeTheGatewaysReport() {
    assertThat(RestText.problem(new SecondFactorProblemException(SecondFactorProblem.RATE_LIMITED,
        "Duo at api-x answered HTTP 429 after backing off")))
        .isEqualTo("Duo is rate limiting requests; try again later: Duo at api-x answered HTTP 429 after backing off");
    assertThat(RestText.problem(new SecondFactorProblemException(SecondFactorProblem.NOT_CONFIGURED,
        "workspace vault does not use Duo"))).isEqualTo("workspace vault does not use Duo");
  }

  @Test
  void aMissingFreshApprovalForATokenNamesAnyWorkspaceAndTheMemberConcerned() {
    assertThat(RestText.stepUpRequired(new StepUpRequiredException(StepUpAction.ISSUE_API_TOKEN, Optional.empty(),
        Optional.empty(), Duration.ofMinutes(5))))
        .isEqualTo("issuing an API token needs your own Duo approval from the last 5 minutes: open one of your"
            + " workspaces with Duo, then try again within 5 minutes");
    assertThat(RestText.stepUpRequired(new StepUpRequiredException(StepUpAction.CLEAR_SUSPENSION,
        Optional.of(new UserName("bob")), Optional.of(new WorkspaceName("vault")), Duration.ofMinutes(5))))
        .startsWith("clearing the suspension of bob in workspace vault needs your own Duo approval");
  }

  @Test
  void aBusyNodeIsA503WithRetryAfterInWholeSeconds() {
    RestReply reply = mapper.map(new CompletionException(
        new BusyException("this node is following 12000 pending Duo requests, its limit", Duration.ofMillis(4200))));
    RestProblem problem = (RestProblem) reply.body();
    assertThat(reply.status()).isEqualTo(503);
    assertThat(problem.type()).isEqualTo("urn:gatehouse:problem:busy");
    assertThat(reply.headers()).containsEntry("Retry-After", "5");
    assertThat(mapper.map(new BusyException("busy", Duration.ZERO)).headers())
        .as("never zero: that would invite a busy loop").containsEntry("Retry-After", "1");
  }

  @Test
  void aMissingWorkspaceSessionIsA403OfItsOwnType() {
    RestReply reply = mapper.map(new SessionRequiredException("no live session for workspace vault: open the workspace first"));
    RestProblem problem = (RestProblem) reply.body();
    assertThat(reply.status()).isEqualTo(403);
    assertThat(problem.type()).isEqualTo("urn:gatehouse:problem:session-required");
    assertThat(problem.detail()).endsWith("open the workspace first");
  }

  @Test
  void storageThatIsDownAsksTheClientToRetrySoon() {
    RestReply reply = mapper.map(new StorageProblemException("commit: the database is down", null));
    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.headers()).containsEntry("Retry-After", "1");
  }

  @Test
  void neverShowsTheMessageOfAnUnexpectedOrStorageFailure() {
    RestProblem unexpected = (RestProblem) mapper.map(new IllegalStateException("password=hunter2")).body();
    assertThat(unexpected.detail()).doesNotContain("hunter2");
    RestProblem storage = (RestProblem) mapper.map(
        new StorageProblemException("storage failed: user=gh password=hunter2", null)).body();
    assertThat(storage.detail()).doesNotContain("hunter2");
  }

  @Test
  void invalidValueNamesTheField() {
    RestProblem problem = (RestProblem) mapper.map(new InvalidValueException("limit", "must be between 1 and 1000")).body();
    assertThat(problem.errors()).containsExactly(new RestFieldError("limit", "must be between 1 and 1000"));
  }

  @Test
  void unwrapsAsyncFailures() {
    assertThat(mapper.map(new CompletionException(new NotFoundException("no challenge"))).status()).isEqualTo(404);
  }

  @Test
  void unauthorizedCarriesTheBearerChallenge() {
    RestReply reply = mapper.map(RestUnauthorizedException.invalid());
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.headers().get("WWW-Authenticate")).isEqualTo("Bearer realm=\"gatehouse\", error=\"invalid_token\"");
  }

  @Test
  void httpLayerFailuresBecomeProblems() {
    assertThat(mapper.map(new HttpResponseException(404, "Endpoint GET /x not found", Map.of())).body())
        .extracting("type").isEqualTo(RestProblemType.NO_SUCH_ROUTE.uri());
    RestReply notAllowed = mapper.map(new HttpResponseException(405, "", Map.of("availableMethods", "GET, POST")));
    assertThat(notAllowed.status()).isEqualTo(405);
    assertThat(notAllowed.headers()).containsEntry("Allow", "GET, POST");
    assertThat(mapper.map(new HttpResponseException(413, "", Map.of())).status()).isEqualTo(413);
  }

  @ParameterizedTest
  @EnumSource(DenialCode.class)
  void everyDenialCodeIs403DeniedWithItsCodeItsWordsAndDuosMessage(DenialCode code) {
    // Including Duo unusable under failmode secure: unlock answers exactly 200, 202 or 403.
    RestReply reply = mapper.denial(Denial.byDuo(code, StatusMessage.of("Duo's message")));
    RestProblem problem = (RestProblem) reply.body();
    assertThat(reply.status()).isEqualTo(403);
    assertThat(problem.status()).isEqualTo(403);
    assertThat(problem.type()).isEqualTo(RestProblemType.DENIED.uri());
    assertThat(problem.code()).isEqualTo(code.name().toLowerCase(java.util.Locale.ROOT));
    assertThat(problem.detail()).startsWith(RestText.denial(Denial.of(code)) + ": ").endsWith("Duo's message");
    assertThat(RestText.denial(Denial.of(code))).as("worded by the REST face").isNotBlank();
  }

  @Test
  void rateLimitedDenialKeepsRetryAfter() {
    Instant until = Instant.parse("2026-11-29T09:16:00Z");
    RestReply reply = mapper.denial(Denial.restricted(DenialCode.DUO_RATE_LIMITED, Optional.of(until)));
    assertThat(reply.status()).isEqualTo(403);
    assertThat(((RestProblem) reply.body()).code()).isEqualTo("duo_rate_limited");
    assertThat(reply.headers().get("Retry-After")).isEqualTo("Sun, 29 Nov 2026 09:16:00 GMT");
  }

  @Test
  void statusesJettyOrJavalinChooseThemselvesAreProblems() {
    Map<Integer, RestProblemType> expected = Map.of(400, RestProblemType.INVALID_REQUEST,
        404, RestProblemType.NO_SUCH_ROUTE, 405, RestProblemType.METHOD_NOT_ALLOWED,
        408, RestProblemType.REQUEST_TIMEOUT, 413, RestProblemType.BODY_TOO_LARGE,
        414, RestProblemType.URI_TOO_LONG, 415, RestProblemType.UNSUPPORTED_MEDIA_TYPE,
        431, RestProblemType.HEADERS_TOO_LARGE, 500, RestProblemType.INTERNAL_ERROR,
        505, RestProblemType.VERSION_NOT_SUPPORTED);
    expected.forEach((status, type) -> {
      RestReply reply = mapper.status(status);
      assertThat(reply.status()).isEqualTo(status);
      assertThat(((RestProblem) reply.body()).type()).as("%d", status).isEqualTo(type.uri());
      assertThat(((RestProblem) reply.body()).status()).isEqualTo(status);
    });
    RestReply teapot = mapper.status(418);
    assertThat(teapot.status()).isEqualTo(418);
    assertThat(((RestProblem) teapot.body()).type()).isEqualTo(RestProblemType.INVALID_REQUEST.uri());
  }

  @ParameterizedTest
  @EnumSource(SecondFactorProblem.class)
  void mapsEverySecondFactorProblem(SecondFactorProblem problem) {
    RestReply reply = mapper.secondFactorProblem(problem, "detail");
    assertThat(reply.status()).isEqualTo(problem == SecondFactorProblem.NOT_CONFIGURED ? 409
        : List.of(SecondFactorProblem.UNAVAILABLE, SecondFactorProblem.RATE_LIMITED,
            SecondFactorProblem.LOCAL_CONFIGURATION).contains(problem) ? 503 : 502);
    assertThat(((RestProblem) reply.body()).type()).as("its own problem type")
        .isEqualTo(problem == SecondFactorProblem.LOCAL_CONFIGURATION
            ? "urn:gatehouse:problem:duo-local-configuration" : ((RestProblem) reply.body()).type());
  }

  @Test
  void denialThatEndsByItselfSaysWhen() {
    Instant until = Instant.parse("2026-11-29T09:15:00Z");
    RestReply reply = mapper.denial(Denial.restricted(DenialCode.LOCKED_OUT, Optional.of(until)));
    assertThat(((RestProblem) reply.body()).retryAfter()).isEqualTo("2026-11-29T09:15:00Z");
    assertThat(((RestProblem) reply.body()).detail()).isEqualTo("Too many wrong passcodes; try again later");
    assertThat(reply.headers().get("Retry-After")).isEqualTo("Sun, 29 Nov 2026 09:15:00 GMT");
  }

  @Test
  void enrollmentDenialCarriesTheUrl() {
    RestReply reply = mapper.denial(Denial.enrollment(StatusMessage.of("Enroll"),
        "https://api-test.duosecurity.com/portal?code=abc"));
    assertThat(((RestProblem) reply.body()).enrollmentUrl()).startsWith("https://");
  }
}
