package dev.gatehouse.application.contract;

import dev.gatehouse.domain.challenge.Challenge;
import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.challenge.ChallengePurpose;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.mfa.ApiHostname;
import dev.gatehouse.domain.mfa.DeviceId;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.mfa.DuoSecretKey;
import dev.gatehouse.domain.mfa.DuoSettings;
import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.mfa.IntegrationKey;
import dev.gatehouse.domain.mfa.MfaOptions;
import dev.gatehouse.domain.mfa.MfaPolicy;
import dev.gatehouse.domain.user.DuoUsername;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.Workspace;
import dev.gatehouse.domain.workspace.WorkspaceDescription;
import dev.gatehouse.domain.workspace.WorkspaceId;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Test data shared by the port contracts and the service tests. */
public final class StorageFixtures {
  /** Duo's documentation example key pair: public, and never a real account's. */
  public static final String SECRET_KEY = "Zh5eGmUq9zpfQnyUIu5OL9iWoMMv5ZNmk3zLJ4Ep";
  public static final String INTEGRATION_KEY = "DIWJ8X6AEYOR5OMC6TQ1";
  /** Microsecond precision, as PostgreSQL stores timestamps. */
  public static final Instant T0 = Instant.parse("2026-11-29T09:00:00Z");

  private StorageFixtures() {}

  public static User aUser(String name) {
    return User.create(new UserName(name), Role.MEMBER, new DuoUsername(name), T0);
  }

  public static User anAdministrator(String name) {
    return User.create(new UserName(name), Role.ADMINISTRATOR, new DuoUsername(name), T0);
  }

  public static Workspace aWorkspace(String name) {
    return Workspace.create(new WorkspaceId(UUID.randomUUID().toString().replace("-", "")),
        new WorkspaceName(name), new WorkspaceDescription("servers of " + name), T0);
  }

  public static DuoSettings duoSettings() {
    return new DuoSettings(new ApiHostname("api-xxxxxxxx.duosecurity.com"),
        new IntegrationKey(INTEGRATION_KEY), new DuoSecretKey(SECRET_KEY));
  }

  public static MfaPolicy.Duo duoPolicy() {
    return new MfaPolicy.Duo(duoSettings(), Failmode.SECURE, MfaOptions.DEFAULTS);
  }

  public static DeviceSelection push() {
    return new DeviceSelection(new DeviceId("DPFZRS9FB0D46QFTM891"), DuoMethod.PUSH);
  }

  public static DeviceSelection sms() {
    return new DeviceSelection(new DeviceId("DPFZRS9FB0D46QFTM891"), DuoMethod.SMS);
  }

  public static DeviceSelection passcode() {
    return new DeviceSelection(new DeviceId("DPFZRS9FB0D46QFTM891"), DuoMethod.PASSCODE);
  }

  public static ChallengeId aChallengeId() {
    return new ChallengeId(UUID.randomUUID().toString().replace("-", ""));
  }

  public static Challenge aChallenge(Workspace workspace, User user, DeviceSelection selection) {
    return Challenge.start(aChallengeId(), workspace.id(), user.name(), ChallengePurpose.UNLOCK,
        selection, StatusMessage.of("Sending a Duo Push..."), T0.truncatedTo(ChronoUnit.MICROS),
        Duration.ofSeconds(90));
  }
}
