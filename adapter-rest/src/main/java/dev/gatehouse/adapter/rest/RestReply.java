package dev.gatehouse.adapter.rest;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: status, an optional JSON body (a problem document for errors) and headers. */
record RestReply(int status, Object body, Map<String, String> headers) {
  RestReply {
    headers = Map.copyOf(headers);
  }

  static RestReply of(int status, Object body) {
    return new RestReply(status, body, Map.of());
  }

  static RestReply ok(Object body) {
    return of(200, body);
  }

  static RestReply created(Object body, String location) {
    return of(201, body).withHeader("Location", location);
  }

  static RestReply accepted(Object body, String location) {
    return of(202, body).withHeader("Location", location);
  }

  static RestReply noContent() {
    return of(204, null);
  }

  RestReply withHeader(String name, String value) {
    Map<String, String> next = new LinkedHashMap<>(headers);
    next.put(name, value);
    return new RestReply(status, body, next);
  }

  boolean isProblem() {
    return body instanceof RestProblem;
  }
}
