package dev.gatehouse.adapter.rest;

import java.util.List;

/** The request could not be read (malformed JSON) or its fields are invalid: a 400 problem. */
final class RestInputException extends RuntimeException {
  private final RestProblemType type;
  private final List<RestFieldError> errors;

  RestInputException(RestProblemType type, String detail, List<RestFieldError> errors) {
    super(detail);
    this.type = type;
    this.errors = List.copyOf(errors);
  }

  static RestInputException malformed(String detail) {
    return new RestInputException(RestProblemType.INVALID_REQUEST, detail, List.of());
  }

  static RestInputException invalid(List<RestFieldError> errors) {
    return new RestInputException(RestProblemType.INVALID_INPUT,
        errors.size() == 1 ? errors.get(0).field() + " " + errors.get(0).reason()
            : errors.size() + " fields are invalid", errors);
  }

  RestProblemType type() {
    return type;
  }

  List<RestFieldError> errors() {
    return errors;
  }
}
