package dev.gatehouse.adapter.web;

import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.port.in.AccessDeniedException;
import dev.gatehouse.application.port.in.SecondFactorProblem;
import dev.gatehouse.application.port.in.readiness.DuoReadinessQuery;
import dev.gatehouse.application.port.in.readiness.DuoReadinessReport;
import dev.gatehouse.application.port.in.readiness.MemberReadiness;
import dev.gatehouse.application.port.in.readiness.Verdict;
import dev.gatehouse.domain.mfa.DuoDevice;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A workspace's Duo readiness report (administrators): Duo's preauth answer for every member with
 * the saved settings (nothing is sent to anyone), the summary first, then one row per member.
 */
final class ReadinessPages {
  private final Gatehouse gatehouse;

  ReadinessPages(Gatehouse gatehouse) {
    this.gatehouse = gatehouse;
  }

  /** One line of the summary: the verdict's words, its CSS id and the members with it. */
  record Group(String id, String label, List<String> members) {}

  List<WebRoute> routes() {
    return List.of(WebRoute.get("/workspaces/{workspace}/duo/readiness", this::show));
  }

  void show(WebRequest request) {
    if (!request.isAdministrator()) {
      throw new AccessDeniedException("only administrators read a workspace's Duo readiness");
    }
    WorkspaceName workspace = WorkspacePages.workspace(request);
    DuoReadinessReport report = gatehouse.duoReadiness().report(
        new DuoReadinessQuery(request.actor(), workspace, Optional.empty()));
    Map<String, Object> params = new HashMap<>();
    params.put("frame", request.frame("Duo readiness", WebLink.workspaces(), WebLink.workspace(workspace.value()),
        WebLink.to("Security", WorkspacePages.href(workspace) + "/security")));
    params.put("workspace", workspace.value());
    params.put("report", report);
    params.put("groups", groups(report));
    request.render("readiness.jte", params);
  }

  static List<Group> groups(DuoReadinessReport report) {
    return List.of(
        group(report, Verdict.ASKED, "Will be asked by Duo"),
        group(report, Verdict.CANNOT_GET_IN, "Cannot get in"),
        group(report, Verdict.NO_SECOND_FACTOR, "Get in without a second factor"),
        group(report, Verdict.NOT_CHECKED, "Could not be checked"));
  }

  private static Group group(DuoReadinessReport report, Verdict verdict, String label) {
    return new Group("verdict-" + verdict.wireName().replace('_', '-'), label,
        report.with(verdict).stream().map(u -> u.value()).toList());
  }

  /** The verdict as a short phrase for the table. */
  static String verdict(Verdict verdict) {
    return switch (verdict) {
      case ASKED -> "Asked";
      case CANNOT_GET_IN -> "Cannot get in";
      case NO_SECOND_FACTOR -> "No second factor";
      case NOT_CHECKED -> "Not checked";
    };
  }

  /** Why the member has their verdict, with its facts: the device choice, the portal, Duo's message or the problem. */
  static String reason(MemberReadiness m) {
    return switch (m.reason()) {
      case NO_DEVICE_CHOSEN -> "no device chosen in Gatehouse yet: the member must choose one (duo use-device)";
      case DUO_WILL_ASK -> m.activeChoice().map(c -> "Duo will ask on " + c.device() + " by " + c.method().wireName())
          .orElse("Duo will ask");
      case DEVICE_NO_LONGER_LISTED -> m.activeChoice().map(c -> "the chosen device " + c.device()
          + " is no longer listed by Duo for " + c.method().wireName() + ": the member must choose again")
          .orElse("the chosen device is no longer listed by Duo: the member must choose again");
      case BYPASS -> "Duo lets this member in without a second factor (bypass)";
      case NOT_ENROLLED -> "not enrolled in Duo: the member must enroll at " + m.enrollmentUrl().orElse("Duo's portal");
      case DUO_DENIES -> "Duo denies this member: " + m.duoMessage();
      case SUSPENDED -> "suspended after a fraud report: an administrator must clear it";
      case LOCKED_OUT -> "locked out after too many wrong passcodes";
      case NOT_CHECKED -> "could not be checked: "
          + WebText.problem(m.problem().orElse(SecondFactorProblem.UNAVAILABLE), m.problemReport());
    };
  }

  /** A member's devices as people read them, e.g. "iOS (XXX-XXX-0100): push, sms". */
  static String devices(MemberReadiness member) {
    return member.devices().stream().map(ReadinessPages::device).collect(Collectors.joining("; "));
  }

  private static String device(DuoDevice device) {
    String capabilities = device.capabilities().stream().map(c -> c.name().toLowerCase(java.util.Locale.ROOT))
        .sorted().collect(Collectors.joining(", "));
    return device.displayName() + (capabilities.isEmpty() ? "" : ": " + capabilities);
  }

  /** The active device choice, e.g. "Duo Push on DPFZ…", or "none". */
  static String choice(MemberReadiness member) {
    return member.activeChoice().map(c -> WebText.method(c.method()) + " on " + c.device().value()).orElse("none");
  }
}
