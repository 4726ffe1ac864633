package dev.gatehouse.adapter.web;



/** One route of the console: method (GET or POST), path template, who may use it and its handler. */
record WebRoute(String method, String path, Access access, Handler handler) {
  /** Who may use a route: anyone (sign-in, assets), or a signed-in browser. */
  enum Access { PUBLIC, SIGNED_IN }

  /** Answers one request; failures are rendered by {@link WebErrors}. */
  @FunctionalInterface
  interface Handler {
    void handle(WebRequest request);
  }

  static WebRoute get(String path, Handler handler) {
    return new WebRoute("GET", path, Access.SIGNED_IN, handler);
  }

  /** A state-changing route: its form must carry the web session's CSRF token. */
  static WebRoute post(String path, Handler handler) {
    return new WebRoute("POST", path, Access.SIGNED_IN, handler);
  }

  static WebRoute open(String method, String path, Handler handler) {
    return new WebRoute(method, path, Access.PUBLIC, handler);
  }
}
