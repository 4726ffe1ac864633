package dev.gatehouse.adapter.web;

import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.port.in.challenge.CancelChallengeCommand;
import dev.gatehouse.application.port.in.challenge.GetChallengeQuery;
import dev.gatehouse.application.port.in.challenge.SubmitPasscodeCommand;
import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.challenge.Passcode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Duo prompt: a waiting push or call with Cancel (and a Verified Duo Push's code beside it),
 * a passcode box for SMS and passcodes, and while a push or call waits one for a passcode instead
 * (whichever comes first settles it); a status fragment that htmx reloads, each load long-polling
 * the challenge for a few seconds, keeping what was typed in the box.
 */
final class ChallengePages {
  /** How long one status request waits for the challenge to change (GetChallenge's long poll). */
  static final Duration STATUS_WAIT = Duration.ofSeconds(5);

  private final Gatehouse gatehouse;
  private final WebChallenges challenges;
  private final WebErrors errors;

  ChallengePages(Gatehouse gatehouse, WebChallenges challenges, WebErrors errors) {
    this.gatehouse = gatehouse;
    this.challenges = challenges;
    this.errors = errors;
  }

  List<WebRoute> routes() {
    return List.of(
        WebRoute.get("/challenges/{challenge}", this::show),
        WebRoute.get("/challenges/{challenge}/status", this::status),
        WebRoute.post("/challenges/{challenge}/passcode", this::passcode),
        WebRoute.post("/challenges/{challenge}/cancel", this::cancel));
  }

  void show(WebRequest request) {
    WebChallenge challenge = read(request, Duration.ZERO);
    if (challenge.approved() && !challenge.verifying()) {
      request.redirect(challenge.next());
      return;
    }
    render(request, 200, challenge);
  }

  /** The status fragment, after waiting up to {@link #STATUS_WAIT} for a change; holds no thread while waiting. */
  void status(WebRequest request) {
    GetChallengeQuery query = new GetChallengeQuery(request.actor(), id(request), STATUS_WAIT);
    request.ctx().future(() -> gatehouse.getChallenge().get(query).toCompletableFuture()
        .handleAsync((view, failure) -> {
          try {
            if (failure != null) {
              errors.render(request, failure);
              return null;
            }
            WebChallenge challenge = challenges.observe(request, view);
            if (challenge.approved() && !challenge.verifying()) {
              request.ctx().header("HX-Redirect", challenge.next());
            }
            request.render("challengeStatus.jte", Map.of("challenge", challenge, "csrf", request.session().csrfToken()));
          } catch (RuntimeException e) {
            errors.render(request, e);
          }
          return null;
        }));
  }

  void passcode(WebRequest request) {
    ChallengeId id = id(request);
    Passcode passcode;
    try {
      passcode = new Passcode(request.rawForm("passcode"));
    } catch (dev.gatehouse.domain.common.InvalidValueException e) {
      WebChallenge challenge = read(request, Duration.ZERO);
      render(request, 400, challenge, "The passcode is 4 to 64 letters or digits.");
      return;
    }
    WebChallenge challenge = challenges.observe(request, gatehouse.submitPasscode().submit(
        new SubmitPasscodeCommand(request.actor(), id, passcode, request.client())));
    if (challenge.approved()) {
      request.redirect(challenge.next());
      return;
    }
    render(request, challenge.failed() ? 403 : 200, challenge,
        challenge.acceptsPasscode() ? "That passcode was not accepted." : "");
  }

  void cancel(WebRequest request) {
    WebChallenge challenge = challenges.observe(request, gatehouse.cancelChallenge().cancel(
        new CancelChallengeCommand(request.actor(), id(request))));
    String workspace = "/workspaces/" + WebLink.segment(challenge.workspace());
    request.redirect((challenge.verifying() ? workspace + "/duo" : workspace) + "?notice=" + WebNotice.CANCELLED.code());
  }

  private WebChallenge read(WebRequest request, Duration wait) {
    return challenges.observe(request, gatehouse.getChallenge()
        .get(new GetChallengeQuery(request.actor(), id(request), wait)).toCompletableFuture().join());
  }

  private static void render(WebRequest request, int status, WebChallenge challenge) {
    render(request, status, challenge, "");
  }

  private static void render(WebRequest request, int status, WebChallenge challenge, String error) {
    Map<String, Object> params = new HashMap<>();
    params.put("frame", request.frame(challenge.verifying() ? "Verify your device" : "Open " + challenge.workspace(),
        WebLink.workspaces(), WebLink.workspace(challenge.workspace())));
    params.put("challenge", challenge);
    params.put("error", error);
    request.render(status, "challenge.jte", params);
  }

  private static ChallengeId id(WebRequest request) {
    return new ChallengeId(request.path("challenge"));
  }
}
