package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.readiness.DuoReadinessReport;
import dev.gatehouse.application.port.in.readiness.MemberReadiness;
import dev.gatehouse.application.port.in.readiness.Verdict;
import dev.gatehouse.domain.user.UserName;
import java.util.List;

/**
 * {@code duo readiness --json}: every member's preauth answer and verdict, and the summary by
 * verdict ({@code asked}, {@code cannotGetIn}, {@code noSecondFactor}, {@code notChecked}).
 */
record CliReadiness(String workspace, boolean unsavedSettings, String checkedAt, List<Member> members,
    Summary summary) {
  static CliReadiness from(DuoReadinessReport report) {
    return new CliReadiness(report.workspace().value(), report.unsavedSettings(), CliWire.instant(report.checkedAt()),
        report.members().stream().map(Member::from).toList(), new Summary(names(report, Verdict.ASKED),
            names(report, Verdict.CANNOT_GET_IN), names(report, Verdict.NO_SECOND_FACTOR),
            names(report, Verdict.NOT_CHECKED)));
  }

  private static List<String> names(DuoReadinessReport report, Verdict verdict) {
    return report.with(verdict).stream().map(UserName::value).toList();
  }

  /** One member: Duo's answer, devices, enrollment portal, device choice and whether Duo still lists it. */
  record Member(String member, String duoUsername, String preauth, List<CliDevice> devices, String enrollmentUrl,
      String duoMessage, CliSelection activeChoice, boolean choiceStillListed, boolean suspended,
      boolean lockedOut, String verdict, String reasonCode, String reason) {
    static Member from(MemberReadiness m) {
      return new Member(m.member().value(), m.duoUsername().value(), m.preauth().wireName(),
          m.devices().stream().map(CliDevice::from).toList(), m.enrollmentUrl().orElse(null), m.duoMessage(),
          m.activeChoice().map(CliSelection::from).orElse(null), m.choiceStillListed(), m.suspended(),
          m.lockedOut(), m.verdict().wireName(), m.reason().wireName(), CliText.readiness(m));
    }
  }

  /** The members by verdict. */
  record Summary(List<String> asked, List<String> cannotGetIn, List<String> noSecondFactor, List<String> notChecked) {}
}
