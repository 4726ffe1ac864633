package dev.gatehouse.adapter.rest;

import io.javalin.security.RouteRole;

/** Who may call a route: anyone, or the holder of a valid API token. */
enum RestAccess implements RouteRole {
  PUBLIC,
  BEARER
}
