package dev.gatehouse.adapter.rest;

import java.util.List;

/**
 * An RFC 9457 problem document ({@code application/problem+json}). Beside the standard members
 * it may carry {@code code} (a denial or Duo problem class), {@code enrollmentUrl},
 * {@code retryAfter} and the field {@code errors} of invalid input; {@code instance} names the
 * request ({@code urn:gatehouse:request:<id>}, the id of {@code X-Request-Id}). Never a stack
 * trace or secret.
 */
record RestProblem(String type, String title, int status, String detail, String instance, String code,
    String enrollmentUrl, String retryAfter, List<RestFieldError> errors) {

  static RestProblem of(RestProblemType type, String detail) {
    return new RestProblem(type.uri(), type.title(), type.status(), detail, null, null, null, null, null);
  }

  RestProblem withStatus(int value) {
    return new RestProblem(type, title, value, detail, instance, code, enrollmentUrl, retryAfter, errors);
  }

  RestProblem withInstance(String value) {
    return new RestProblem(type, title, status, detail, value, code, enrollmentUrl, retryAfter, errors);
  }

  RestProblem withCode(String value) {
    return new RestProblem(type, title, status, detail, instance, value, enrollmentUrl, retryAfter, errors);
  }

  RestProblem withEnrollmentUrl(String value) {
    return new RestProblem(type, title, status, detail, instance, code, value, retryAfter, errors);
  }

  RestProblem withRetryAfter(String value) {
    return new RestProblem(type, title, status, detail, instance, code, enrollmentUrl, value, errors);
  }

  RestProblem withErrors(List<RestFieldError> value) {
    return new RestProblem(type, title, status, detail, instance, code, enrollmentUrl, retryAfter, List.copyOf(value));
  }
}
