package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.AccessDeniedException;
import dev.gatehouse.application.port.in.ApiCaller;
import dev.gatehouse.application.port.in.session.CloseSessionCommand;
import dev.gatehouse.application.port.in.session.CloseSessionUseCase;
import dev.gatehouse.application.port.in.session.GetSessionUseCase;
import dev.gatehouse.application.port.in.session.IntrospectSessionUseCase;
import dev.gatehouse.application.port.in.session.ListSessionsUseCase;
import dev.gatehouse.application.port.in.session.RevokeSessionUseCase;
import dev.gatehouse.application.port.in.session.GetSessionQuery;
import dev.gatehouse.application.port.in.session.IntrospectSessionQuery;
import dev.gatehouse.application.port.in.session.ListSessionsQuery;
import dev.gatehouse.application.port.in.session.RevokeSessionCommand;
import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.session.SessionId;
import dev.gatehouse.domain.user.SecretToken;
import dev.gatehouse.domain.user.TokenScope;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * Workspace sessions: the caller's own (is it live, close it), a workspace's live sessions for
 * administrators (list, revoke), and introspection for gateways.
 */
final class SessionResource {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final GetSessionUseCase getSession;
  private final CloseSessionUseCase closeSession;
  private final ListSessionsUseCase listSessions;
  private final RevokeSessionUseCase revokeSession;
  private final IntrospectSessionUseCase introspectSession;

  SessionResource(GetSessionUseCase getSession, CloseSessionUseCase closeSession, ListSessionsUseCase listSessions,
      RevokeSessionUseCase revokeSession, IntrospectSessionUseCase introspectSession) {
    this.getSession = getSession;
    this.closeSession = closeSession;
    this.listSessions = listSessions;
    this.revokeSession = revokeSession;
    this.introspectSession = introspectSession;
  }

  List<RestRoute> routes() {
    return List.of(
        RestRoute.sync("GET", "/api/v1/workspaces/{name}/session", RestAccess.BEARER, this::status),
        RestRoute.sync("DELETE", "/api/v1/workspaces/{name}/session", RestAccess.BEARER, this::close),
        RestRoute.sync("GET", "/api/v1/workspaces/{name}/sessions", RestAccess.BEARER, this::list),
        RestRoute.sync("DELETE", "/api/v1/workspaces/{name}/sessions/{id}", RestAccess.BEARER, this::revoke),
        RestRoute.sync("POST", "/api/v1/sessions/introspect", RestAccess.BEARER, this::introspect)
            .withBody(SessionResource::mayIntrospect));
  }

  /** 200 either way: {@code live: true} with the session, or {@code live: false} (unknown, expired, closed, revoked alike). */
  RestReply status(RestRequest request) {
    WorkspaceName workspace = WorkspaceResource.workspace(request);
    return RestReply.ok(getSession.get(new GetSessionQuery(request.session(workspace)))
        .map(RestSessionStatus::live).orElse(RestSessionStatus.NOT_LIVE));
  }

  /** Closes (locks) the caller's session; 204 also when it was no longer live. */
  RestReply close(RestRequest request) {
    WorkspaceName workspace = WorkspaceResource.workspace(request);
    closeSession.close(new CloseSessionCommand(request.session(workspace)));
    return RestReply.noContent();
  }

  RestReply list(RestRequest request) {
    WorkspaceName workspace = WorkspaceResource.workspace(request);
    return RestReply.ok(RestSessionList.from(
        listSessions.list(new ListSessionsQuery(request.actor(), workspace))));
  }

  RestReply revoke(RestRequest request) {
    RestFields fields = new RestFields();
    WorkspaceName workspace = fields.parse("name", () -> new WorkspaceName(request.path("name")));
    SessionId id = fields.parse("id", () -> new SessionId(request.path("id")));
    fields.check();
    revokeSession.revoke(new RevokeSessionCommand(request.actor(), workspace, id));
    return RestReply.noContent();
  }

  /**
   * RFC 7662: {@code active: true} with the session, or exactly {@code {"active": false}}. A token
   * that cannot be a session token (wrong shape) is looked up as a random one, so it takes the
   * same path, the same permission check and the same answer as an unknown token.
   */
  RestReply introspect(RestRequest request) {
    RestIntrospectRequest body = request.body(RestIntrospectRequest.class);
    if (body.token() == null || body.token().isBlank()) {
      throw new InvalidValueException("token", "is required: the workspace session token to introspect");
    }
    SecretToken token;
    try {
      token = new SecretToken(body.token().strip());
    } catch (InvalidValueException e) {
      token = unknownToken();
    }
    return RestReply.ok(RestIntrospection.from(
        introspectSession.introspect(new IntrospectSessionQuery(request.caller(), token))));
  }

  /** Administrators and tokens with scope {@code introspect}, as the use case decides. */
  private static void mayIntrospect(RestRequest request) {
    ApiCaller caller = request.caller();
    if (!caller.user().isAdministrator() && !caller.hasScope(TokenScope.INTROSPECT)) {
      throw new AccessDeniedException("introspection needs an administrator's token or a token with scope introspect");
    }
  }

  private static SecretToken unknownToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return new SecretToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }
}
