package dev.gatehouse.adapter.rest;

import dev.gatehouse.domain.user.ApiToken;
import java.util.List;

/** API tokens, newest first. */
record RestApiTokenList(List<RestApiToken> tokens) {
  static RestApiTokenList from(List<ApiToken> tokens) {
    return new RestApiTokenList(tokens.stream().map(RestApiToken::from).toList());
  }
}
