package dev.gatehouse.application.port.in.readiness;

import dev.gatehouse.application.port.in.SecondFactorProblem;
import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoDevice;
import dev.gatehouse.domain.user.DuoUsername;
import dev.gatehouse.domain.user.UserName;
import java.util.List;
import java.util.Optional;

/**
 * One member's readiness: Duo's preauth answer (devices, enrollment portal, message), their device
 * choice in Gatehouse and whether Duo still lists it, suspension and lockout, and the verdict with
 * its reason as a code; when Duo could not be asked, the problem's class and the gateway's report of
 * it ({@code problemReport}, empty otherwise). The faces word the reason.
 */
public record MemberReadiness(UserName member, DuoUsername duoUsername, PreauthAnswer preauth,
    List<DuoDevice> devices, Optional<String> enrollmentUrl, String duoMessage,
    Optional<DeviceSelection> activeChoice, boolean choiceStillListed, boolean suspended,
    boolean lockedOut, Verdict verdict, ReadinessReason reason, Optional<SecondFactorProblem> problem,
    String problemReport) {
  public MemberReadiness {
    Require.notNull("member", member);
    Require.notNull("duoUsername", duoUsername);
    Require.notNull("preauth", preauth);
    devices = List.copyOf(Require.notNull("devices", devices));
    Require.notNull("enrollmentUrl", enrollmentUrl);
    Require.notNull("duoMessage", duoMessage);
    Require.notNull("activeChoice", activeChoice);
    Require.notNull("verdict", verdict);
    Require.notNull("reason", reason);
    Require.notNull("problem", problem);
    Require.notNull("problemReport", problemReport);
  }
}
