package dev.gatehouse.adapter.duo;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code response} of {@code /auth/v2/enroll} (duo-auth-api.md §2.4). */
record DuoEnrollResponse(
    @JsonProperty("activation_barcode") String activationBarcode,
    @JsonProperty("activation_code") String activationCode,
    @JsonProperty("activation_url") String activationUrl,
    @JsonProperty("expiration") Long expiration,
    @JsonProperty("user_id") String userId,
    @JsonProperty("username") String username) {

  @Override
  public String toString() {
    // The activation code claims the account: keep it out of logs.
    return "DuoEnrollResponse[userId=" + userId + ", username=" + username + ", expiration=" + expiration + "]";
  }
}
