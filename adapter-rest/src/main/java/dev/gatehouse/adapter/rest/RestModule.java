package dev.gatehouse.adapter.rest;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.domain.common.Require;
import io.javalin.config.JavalinConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The REST adapter's wiring: a {@link RestServer} whose resources each take the use cases of
 * {@link Gatehouse} they call, asking
 * the bound {@link ReadinessCheck} for {@code /ready}. Bootstrap binds both and owns the
 * server's lifecycle ({@code start()} / {@code close()}).
 */
public final class RestModule extends AbstractModule {
  private final RestConfig config;
  private final RestMetrics metrics;
  private final List<Consumer<JavalinConfig>> faces;

  public RestModule(RestConfig config) {
    this(config, RestMetrics.NONE, List.of());
  }

  /**
   * The REST API, reporting each answered request to {@code metrics} (its text at
   * {@code GET /metrics}), and other faces that share its port (each installs its routes into the
   * server's config).
   */
  public RestModule(RestConfig config, RestMetrics metrics, List<Consumer<JavalinConfig>> faces) {
    this.config = Require.notNull("config", config);
    this.metrics = Require.notNull("metrics", metrics);
    this.faces = List.copyOf(Require.notNull("faces", faces));
  }

  @Provides
  @Singleton
  RestServer restServer(Gatehouse gatehouse, ReadinessCheck readiness) {
    return server(gatehouse, readiness, config, metrics, faces);
  }

  /** The server with every resource, each given the use cases it calls and nothing else. */
  static RestServer server(Gatehouse gatehouse, ReadinessCheck readiness, RestConfig config, RestMetrics metrics,
      List<Consumer<JavalinConfig>> faces) {
    RestErrorMapper errors = new RestErrorMapper();
    List<RestRoute> routes = new ArrayList<>();
    routes.addAll(new UserResource(gatehouse.addUser(), gatehouse.listUsers(), gatehouse.issueApiToken(),
        gatehouse.disableUser(), gatehouse.enableUser()).routes());
    routes.addAll(new WorkspaceResource(gatehouse.createWorkspace(), gatehouse.listWorkspaces(),
        gatehouse.getWorkspace(), gatehouse.addMember(), gatehouse.removeMember(), gatehouse.clearSuspension())
        .routes());
    routes.addAll(mfaResource(gatehouse, errors).routes());
    routes.addAll(duoDeviceResource(gatehouse, errors).routes());
    routes.addAll(unlockResource(gatehouse, errors).routes());
    routes.addAll(new AuditResource(gatehouse.listAuditEvents()).routes());
    routes.addAll(entryResource(gatehouse, errors).routes());
    routes.addAll(new SessionResource(gatehouse.getSession(), gatehouse.closeSession(), gatehouse.listSessions(),
        gatehouse.revokeSession(), gatehouse.introspectSession()).routes());
    routes.addAll(new TokenResource(gatehouse.listApiTokens(), gatehouse.revokeApiToken()).routes());
    return new RestServer(gatehouse.authenticateApiToken(), routes, readiness, config, metrics, faces);
  }

  static MfaResource mfaResource(Gatehouse gatehouse, RestErrorMapper errors) {
    return new MfaResource(gatehouse.checkDuoSettings(), gatehouse.configureDuo(), gatehouse.getWorkspace(),
        gatehouse.disableMfa(), gatehouse.duoReadiness(), errors);
  }

  static DuoDeviceResource duoDeviceResource(Gatehouse gatehouse, RestErrorMapper errors) {
    return new DuoDeviceResource(gatehouse.listDuoDevices(), gatehouse.chooseDuoDevice(), gatehouse.getWorkspace(),
        errors);
  }

  static UnlockResource unlockResource(Gatehouse gatehouse, RestErrorMapper errors) {
    return new UnlockResource(gatehouse.openWorkspace(), gatehouse.getChallenge(), gatehouse.submitPasscode(),
        gatehouse.cancelChallenge(), gatehouse.claimSession(), errors);
  }

  static EntryResource entryResource(Gatehouse gatehouse, RestErrorMapper errors) {
    return new EntryResource(gatehouse.addEntry(), gatehouse.listEntries(), gatehouse.getEntry(),
        gatehouse.editEntry(), gatehouse.removeEntry(), gatehouse.revealEntry(), gatehouse.getSession(),
        gatehouse.getWorkspace(), errors);
  }
}
