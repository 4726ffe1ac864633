package dev.gatehouse.adapter.rest;

import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.workspace.MemberRole;
import java.util.Optional;

/**
 * {@code PUT /api/v1/workspaces/{name}/members/{user}} (optional body): the member's {@code role},
 * {@code reader} or {@code editor}. Without one a new member is a reader and an existing one keeps their role.
 */
record RestAddMemberRequest(String role) {
  static final RestAddMemberRequest NONE = new RestAddMemberRequest(null);

  Optional<MemberRole> toDomain() {
    return RestFields.one("role", () -> role == null ? Optional.empty() : Optional.of(parse(role)));
  }

  private static MemberRole parse(String text) {
    try {
      return MemberRole.fromWireName(text.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException("role", e.getMessage());
    }
  }
}
