package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.CancelChallengeCommand;
import dev.gatehouse.application.port.in.CancelChallengeUseCase;
import dev.gatehouse.application.port.in.ClaimSessionCommand;
import dev.gatehouse.application.port.in.ClaimSessionUseCase;
import dev.gatehouse.application.port.in.GetChallengeQuery;
import dev.gatehouse.application.port.in.GetChallengeUseCase;
import dev.gatehouse.application.port.in.OpenWorkspaceCommand;
import dev.gatehouse.application.port.in.OpenWorkspaceUseCase;
import dev.gatehouse.application.port.in.SubmitPasscodeCommand;
import dev.gatehouse.application.port.in.SubmitPasscodeUseCase;
import dev.gatehouse.application.port.in.UnlockResult;
import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.challenge.Passcode;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Opening a workspace and following its challenge: long poll, passcode, cancel, claiming the session. */
final class UnlockResource {
  private final OpenWorkspaceUseCase openWorkspace;
  private final GetChallengeUseCase getChallenge;
  private final SubmitPasscodeUseCase submitPasscode;
  private final CancelChallengeUseCase cancelChallenge;
  private final ClaimSessionUseCase claimSession;
  private final RestErrorMapper errors;

  UnlockResource(OpenWorkspaceUseCase openWorkspace, GetChallengeUseCase getChallenge,
      SubmitPasscodeUseCase submitPasscode, CancelChallengeUseCase cancelChallenge, ClaimSessionUseCase claimSession,
      RestErrorMapper errors) {
    this.openWorkspace = openWorkspace;
    this.getChallenge = getChallenge;
    this.submitPasscode = submitPasscode;
    this.cancelChallenge = cancelChallenge;
    this.claimSession = claimSession;
    this.errors = errors;
  }

  List<RestRoute> routes() {
    return List.of(
        RestRoute.sync("POST", "/api/v1/workspaces/{name}/unlock", RestAccess.BEARER, this::unlock),
        RestRoute.async("GET", "/api/v1/challenges/{id}", RestAccess.BEARER, this::challenge),
        RestRoute.sync("POST", "/api/v1/challenges/{id}/passcode", RestAccess.BEARER, this::passcode)
            .withBody(this::ownsChallenge),
        RestRoute.sync("DELETE", "/api/v1/challenges/{id}", RestAccess.BEARER, this::cancel),
        RestRoute.sync("POST", "/api/v1/challenges/{id}/session", RestAccess.BEARER, this::claim));
  }

  RestReply unlock(RestRequest request) {
    WorkspaceName workspace = WorkspaceResource.workspace(request);
    return reply(openWorkspace.open(
        new OpenWorkspaceCommand(request.actor(), workspace, request.client())));
  }

  /** Waits up to {@code waitSeconds} (0–30, default 0) for the challenge to change, holding no thread. */
  CompletionStage<RestReply> challenge(RestRequest request) {
    RestFields fields = new RestFields();
    ChallengeId id = fields.parse("id", () -> new ChallengeId(request.path("id")));
    Integer wait = request.query("waitSeconds").map(text -> fields.parse("waitSeconds", () -> seconds(text)))
        .orElse(0);
    fields.check();
    GetChallengeQuery query = new GetChallengeQuery(request.actor(), id,
        Duration.ofSeconds(wait == null ? 0 : wait));
    return getChallenge.get(query).thenApply(view -> RestReply.ok(RestChallenge.from(view)));
  }

  RestReply passcode(RestRequest request) {
    ChallengeId id = challengeId(request);
    Passcode passcode = request.body(RestPasscodeRequest.class).toDomain();
    return RestReply.ok(RestChallenge.from(submitPasscode.submit(
        new SubmitPasscodeCommand(request.actor(), id, passcode, request.client()))));
  }

  RestReply cancel(RestRequest request) {
    return RestReply.ok(RestChallenge.from(cancelChallenge.cancel(
        new CancelChallengeCommand(request.actor(), challengeId(request)))));
  }

  /**
   * Claims an approved unlock's session (its {@code session} link): 201 with the session, token
   * shown once; a second claim is 409, a claim after access was withdrawn 403.
   */
  RestReply claim(RestRequest request) {
    RestSession session = RestSession.from(claimSession.claim(
        new ClaimSessionCommand(request.actor(), challengeId(request))));
    return RestReply.created(session, "/api/v1/workspaces/" + session.workspace() + "/session");
  }

  /** Granted 200 (session token, once), pending 202 (challenge and links), denied per {@link RestErrorMapper}. */
  RestReply reply(UnlockResult result) {
    if (result instanceof UnlockResult.Granted granted) {
      return RestReply.ok(RestUnlockResponse.granted(granted.session()));
    }
    if (result instanceof UnlockResult.Pending pending) {
      return RestReply.accepted(RestUnlockResponse.pending(pending.challenge()),
          RestChallengeLinks.self(pending.challenge().id().value()));
    }
    if (result instanceof UnlockResult.Denied denied) {
      return errors.denial(denied.denial());
    }
    throw new IllegalStateException("unmapped unlock result " + result.getClass().getName());
  }

  /** The challenge's owner only: reading it (without waiting) refuses anyone else. */
  private void ownsChallenge(RestRequest request) {
    getChallenge.get(new GetChallengeQuery(request.actor(), challengeId(request), Duration.ZERO));
  }

  private static ChallengeId challengeId(RestRequest request) {
    return RestFields.one("id", () -> new ChallengeId(request.path("id")));
  }

  private static Integer seconds(String text) {
    try {
      long value = Long.parseLong(text.strip());
      long max = GetChallengeUseCase.MAX_WAIT.toSeconds();
      if (value < 0 || value > max) {
        throw new dev.gatehouse.domain.common.InvalidValueException("waitSeconds", "must be between 0 and " + max);
      }
      return (int) value;
    } catch (NumberFormatException e) {
      throw new dev.gatehouse.domain.common.InvalidValueException("waitSeconds", "must be a whole number of seconds");
    }
  }
}
