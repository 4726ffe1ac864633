package dev.gatehouse.adapter.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A link of the console: its label and its path. */
record WebLink(String label, String href) {
  static WebLink to(String label, String href) {
    return new WebLink(label, href);
  }

  static WebLink workspaces() {
    return new WebLink("Workspaces", "/workspaces");
  }

  static WebLink workspace(String name) {
    return new WebLink(name, "/workspaces/" + segment(name));
  }

  /** A path segment, percent-encoded (names are already restricted; this is defence in depth). */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
