package dev.gatehouse.adapter.web;

/** A state-changing request came without this web session's CSRF token (or with another). */
final class WebCsrfException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  WebCsrfException() {
    super("the form's security token is missing or wrong");
  }
}
