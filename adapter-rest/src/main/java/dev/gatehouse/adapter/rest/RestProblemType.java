package dev.gatehouse.adapter.rest;




/** The problem types Gatehouse answers with, their default status and title (listed in openapi.json). */
enum RestProblemType {
  INVALID_REQUEST(400, "Malformed request"),
  INVALID_INPUT(400, "Invalid input"),
  UNAUTHORIZED(401, "Authentication required"),
  FORBIDDEN(403, "Forbidden"),
  DENIED(403, "Access denied"),
  SESSION_REQUIRED(403, "Workspace session required"),
  STEP_UP_REQUIRED(403, "Fresh Duo approval required"),
  NOT_FOUND(404, "Not found"),
  NO_SUCH_ROUTE(404, "No such resource"),
  METHOD_NOT_ALLOWED(405, "Method not allowed"),
  REQUEST_TIMEOUT(408, "Request body too slow"),
  CONFLICT(409, "Conflict"),
  DUO_NOT_CONFIGURED(409, "Duo is not configured"),
  BODY_TOO_LARGE(413, "Request body too large"),
  URI_TOO_LONG(414, "URI too long"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
  HEADERS_TOO_LARGE(431, "Request header fields too large"),
  INTERNAL_ERROR(500, "Internal error"),
  DUO_REJECTED(502, "Duo refused the request"),
  DUO_UNAVAILABLE(503, "Duo is unavailable"),
  DUO_LOCAL_CONFIGURATION(503, "Gatehouse cannot use its own settings for Duo"),
  DUO_RATE_LIMITED(503, "Duo is rate limiting"),
  STORAGE_UNAVAILABLE(503, "Storage unavailable"),
  NOT_READY(503, "Not ready"),
  BUSY(503, "Busy"),
  TIMED_OUT(504, "Timed out"),
  VERSION_NOT_SUPPORTED(505, "HTTP version not supported");

  private static final String PREFIX = "urn:gatehouse:problem:";

  private final int status;
  private final String title;

  RestProblemType(int status, String title) {
    this.status = status;
    this.title = title;
  }

  String uri() {
    return PREFIX + RestWire.name(this).replace('_', '-');
  }

  int status() {
    return status;
  }

  String title() {
    return title;
  }
}
