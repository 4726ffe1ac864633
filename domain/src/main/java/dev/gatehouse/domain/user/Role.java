package dev.gatehouse.domain.user;

/** What a user may do: administrators manage workspaces and Duo; members open workspaces. */
public enum Role {
  ADMINISTRATOR,
  MEMBER
}
