package dev.gatehouse.application.port.in;

/** Why Duo could not be used: the classes a driving adapter shows to people and scripts. */
public enum SecondFactorProblem {
  /** The workspace has no Duo settings. */
  NOT_CONFIGURED,
  /** Duo could not be reached or answered unusably. */
  UNAVAILABLE,
  /** Duo kept answering 429 after the official back-off. */
  RATE_LIMITED,
  /** Duo refused the integration key, secret key, signature or clock. */
  CREDENTIALS_REJECTED,
  /** The integration is not a (Partner) Auth API application. */
  INTEGRATION_FORBIDDEN,
  /** Duo refused the request itself. */
  REQUEST_REJECTED,
  /** Gatehouse's own settings for reaching Duo are unusable (e.g. the CA file); Duo was never asked. */
  LOCAL_CONFIGURATION
}
