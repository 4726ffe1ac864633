package dev.gatehouse.adapter.web;

import java.util.List;
import java.util.Optional;

/** What every page's layout shows: title, breadcrumbs, the signed-in user (and whether an administrator), the CSRF token and a notice. */
record WebFrame(String title, Optional<String> user, boolean administrator, String csrf, List<WebLink> crumbs,
    Optional<String> notice) {}
