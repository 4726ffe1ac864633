package dev.gatehouse.adapter.rest;

import dev.gatehouse.application.port.in.readiness.DuoReadinessReport;
import dev.gatehouse.application.port.in.readiness.MemberReadiness;
import dev.gatehouse.application.port.in.readiness.Verdict;
import dev.gatehouse.domain.user.UserName;
import java.util.List;

/**
 * The Duo readiness report: every member's preauth answer, device choice and verdict, and the
 * members by verdict. Never the Duo secret key, not even of unsaved settings.
 */
record RestReadiness(String workspace, boolean unsavedSettings, String checkedAt, List<Member> members,
    Summary summary) {
  static RestReadiness from(DuoReadinessReport report) {
    return new RestReadiness(report.workspace().value(), report.unsavedSettings(), report.checkedAt().toString(),
        report.members().stream().map(Member::from).toList(), new Summary(names(report, Verdict.ASKED),
            names(report, Verdict.CANNOT_GET_IN), names(report, Verdict.NO_SECOND_FACTOR),
            names(report, Verdict.NOT_CHECKED)));
  }

  private static List<String> names(DuoReadinessReport report, Verdict verdict) {
    return report.with(verdict).stream().map(UserName::value).toList();
  }

  /** One member's readiness. */
  record Member(String member, String duoUsername, String preauth, List<RestDevice> devices, String enrollmentUrl,
      String duoMessage, RestSelection activeChoice, boolean choiceStillListed, boolean suspended,
      boolean lockedOut, String verdict, String reasonCode, String reason) {
    static Member from(MemberReadiness m) {
      return new Member(m.member().value(), m.duoUsername().value(), m.preauth().wireName(),
          m.devices().stream().map(RestDevice::from).toList(), m.enrollmentUrl().orElse(null), m.duoMessage(),
          m.activeChoice().map(RestSelection::from).orElse(null), m.choiceStillListed(), m.suspended(),
          m.lockedOut(), m.verdict().wireName(), m.reason().wireName(), RestText.readiness(m));
    }
  }

  /** The members by verdict: who will be asked, who cannot get in, who gets in without a second factor, who was not checked. */
  record Summary(List<String> asked, List<String> cannotGetIn, List<String> noSecondFactor, List<String> notChecked) {}
}
